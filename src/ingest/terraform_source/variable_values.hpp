#pragma once

#include "module_config.hpp"
#include "value.hpp"

#include <map>
#include <string>
#include <vector>

namespace costgate::ingest {

/// The values given to a root module's variables, later sources winning: `TF_VAR_NAME`
/// environment variables, `terraform.tfvars`, `terraform.tfvars.json`, `*.auto.tfvars` and
/// `*.auto.tfvars.json` in name order, each of `var_files`, then each `NAME=VALUE` of `vars`.
/// File values are constant expressions (a reference is an error at its `file:line:column`).
/// A `--var` or environment value is the text itself for a variable of a primitive or no
/// type, and is parsed as an HCL expression for a list, map, set, tuple or object type.
std::map<std::string, Value> root_variable_values(const ModuleConfig& root,
                                                  const std::vector<std::string>& var_files,
                                                  const std::vector<std::string>& vars);

} // namespace costgate::ingest
