#pragma once

#include "costgate/model/json_tree.hpp"

#include <optional>
#include <string_view>
#include <vector>

namespace costgate::policy {

/// The values at a dotted attribute path (`node_config.machine_type`) below `root`. Lists
/// on the way are walked element by element, as Terraform writes nested blocks as lists,
/// and a list at the end yields its elements, so a path can give several values.
std::vector<JsonValue> values_at(JsonValue root, std::string_view path);

/// The largest number at any of `paths` (numbers or numeric strings), or nullopt.
std::optional<double> largest_number_at(JsonValue root, const std::vector<std::string_view>& paths);

} // namespace costgate::policy
