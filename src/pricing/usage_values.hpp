#pragma once

#include "costgate/model/resource.hpp"
#include "costgate/util/yaml_map.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace costgate::pricing {

/// `module.a.aws_lambda_function.api["x"]` → `aws_lambda_function`: the type is the
/// second-to-last dotted part once instance keys (and Infracost's `[*]`) are ignored. A
/// Kubernetes address `namespace/Kind/name` has its kind in the middle. Empty when the
/// address has no type.
std::string usage_address_type(std::string_view address);

/// The value of usage key `key` in `map`: a number, not negative, else `map.fail` at it.
double read_usage_value(const util::YamlMap& map, const YAML::Node& value, const std::string& key);

/// Whether an address pattern of the usage file (`aws_instance.web`, `aws_instance.web[*]`,
/// `shop/CronJob/*`) names some resource of the run: by its exact text first, as an
/// address's brackets would read as a glob class, else as a glob. How `resource_usage` and
/// `unit_volumes.resources` entries that name nothing are found.
bool names_some_resource(std::string_view pattern, const std::vector<Resource>& resources);

/// True for an Infracost usage file (`version: 0.1`, also written `v0.1`).
bool is_infracost_usage(const YAML::Node& document);

} // namespace costgate::pricing
