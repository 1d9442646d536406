#pragma once

#include <nlohmann/json.hpp>
#include <yaml-cpp/yaml.h>

namespace costgate {

/// Converts a YAML node to JSON, typing plain scalars by the YAML core schema (null,
/// booleans, integers, floats) and keeping quoted scalars as strings, so `replicas: 3`
/// becomes a number and `version: "3"` a string.
nlohmann::json yaml_to_json(const YAML::Node& node);

} // namespace costgate
