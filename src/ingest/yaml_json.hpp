#pragma once

#include <cstddef>
#include <nlohmann/json.hpp>
#include <string>
#include <yaml-cpp/yaml.h>

namespace costgate {

/// Checks a parsed document before anything walks it: duplicate mapping keys, nesting
/// deeper than k_max_document_depth (an alias cycle too) and aliases expanding to more
/// values than 10 per byte of the `text_size`-byte input ("billion laughs") throw
/// InputError with `file:line:column`. Once it passes, recursive walks are bounded.
void check_yaml_document(const std::string& file, const YAML::Node& document,
                         std::size_t text_size);

/// Converts a YAML node to JSON, typing plain scalars by the YAML core schema (null,
/// booleans, integers, floats) and keeping quoted scalars as strings, so `replicas: 3`
/// becomes a number and `version: "3"` a string.
nlohmann::json yaml_to_json(const YAML::Node& node);

} // namespace costgate
