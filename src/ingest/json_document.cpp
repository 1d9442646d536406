#include "json_document.hpp"

#include "costgate/error.hpp"

#include <algorithm>

namespace costgate {

namespace {

SourceLocation location_of_byte(const InputText& input, std::size_t byte) {
    // nlohmann reports the count of bytes read, i.e. one past the offending byte.
    const std::size_t offset = std::min(byte > 0 ? byte - 1 : 0, input.text.size());
    const auto begin = input.text.begin();
    const int line =
        1 + static_cast<int>(std::count(begin, begin + static_cast<long>(offset), '\n'));
    const std::size_t line_start = input.text.rfind('\n', offset == 0 ? 0 : offset - 1);
    const std::size_t column0 =
        line_start == std::string::npos || offset == 0 ? offset : offset - line_start - 1;
    return {input.name, line, static_cast<int>(column0) + 1, {}};
}

// nlohmann's message is "[json.exception.parse_error.101] parse error at line L, column C:
// syntax error ..."; keep only the part after the position, which we report ourselves.
std::string describe_parse_error(const nlohmann::json::parse_error& error) {
    const std::string message = error.what();
    if (message.find("expected end of input") != std::string::npos)
        return "unexpected data after the end of the JSON document";
    const std::size_t colon = message.find(": ", message.find("parse error"));
    return colon == std::string::npos ? message : message.substr(colon + 2);
}

} // namespace

nlohmann::json parse_json_document(const InputText& input) {
    try {
        return nlohmann::json::parse(input.text);
    } catch (const nlohmann::json::parse_error& error) {
        throw InputError(location_of_byte(input, error.byte),
                         "invalid JSON: " + describe_parse_error(error));
    }
}

void throw_shape_error(const InputText& input, const std::string& path, const std::string& what) {
    throw InputError({input.name, 0, 0, path}, what);
}

std::string json_type_name(const nlohmann::json& value) {
    switch (value.type()) {
    case nlohmann::json::value_t::object:
        return "object";
    case nlohmann::json::value_t::array:
        return "array";
    case nlohmann::json::value_t::string:
        return "string";
    case nlohmann::json::value_t::boolean:
        return "boolean";
    case nlohmann::json::value_t::null:
        return "null";
    case nlohmann::json::value_t::number_integer:
    case nlohmann::json::value_t::number_unsigned:
    case nlohmann::json::value_t::number_float:
        return "number";
    default:
        return "unsupported value";
    }
}

} // namespace costgate
