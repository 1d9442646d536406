#pragma once

#include "costgate/util/input_file.hpp"

#include <nlohmann/json.hpp>
#include <string>

namespace costgate::util {

/// How deep objects and arrays may nest in an input (JSON or YAML): far beyond any plan or
/// manifest, shallow enough that recursive code over the document cannot overflow the stack.
constexpr std::size_t k_max_document_depth = 512;

/// Parses one JSON document. Syntax errors, invalid UTF-8 and trailing data throw
/// InputError with the input's name, line and column; duplicate keys and nesting deeper
/// than k_max_document_depth throw it with the JSON path.
nlohmann::json parse_json_document(const InputText& input);

/// `what` at `path` of `input` was not of the expected shape: throws InputError naming
/// the file and the JSON path.
[[noreturn]] void throw_shape_error(const InputText& input, const std::string& path,
                                    const std::string& what);

/// `object`, `array`, `string`, `number`, `boolean` or `null`.
std::string json_type_name(const nlohmann::json& value);

} // namespace costgate::util
