#include "function_library.hpp"

#include <cctype>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <nlohmann/json.hpp>
#include <regex>

namespace costgate::ingest::functions {

namespace {

nlohmann::json to_json(const Value& value) {
    switch (value.kind()) {
    case Value::Kind::boolean:
        return value.as_bool();
    case Value::Kind::number:
        if (const double number = value.as_number();
            std::trunc(number) == number && std::fabs(number) < 9e15)
            return static_cast<std::int64_t>(number);
        return value.as_number();
    case Value::Kind::string:
        return value.as_string();
    case Value::Kind::list: {
        nlohmann::json array = nlohmann::json::array();
        for (const Value& element : value.as_list())
            array.push_back(to_json(element));
        return array;
    }
    case Value::Kind::map: {
        nlohmann::json object = nlohmann::json::object();
        for (const auto& [key, member] : value.as_map())
            object[key] = to_json(member);
        return object;
    }
    case Value::Kind::null:
    case Value::Kind::unknown:
        break;
    }
    return nullptr;
}

/// Byte offsets of each UTF-8 character of `text`, plus its end.
std::vector<std::size_t> character_offsets(const std::string& text) {
    std::vector<std::size_t> offsets;
    for (std::size_t i = 0; i < text.size(); ++i)
        if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80)
            offsets.push_back(i);
    offsets.push_back(text.size());
    return offsets;
}

std::string printf_number(const std::string& spec, double number) {
    char buffer[128];
    std::snprintf(buffer, sizeof buffer, spec.c_str(), number);
    return buffer;
}

std::string printf_integer(const std::string& spec, double number) {
    if (std::trunc(number) != number)
        throw FunctionError("%d needs a whole number, found " + format_number(number));
    char buffer[128];
    std::snprintf(buffer, sizeof buffer, (spec.substr(0, spec.size() - 1) + "lld").c_str(),
                  static_cast<long long>(number));
    return buffer;
}

/// One `%...` verb of format() applied to `value`.
std::string format_verb(const std::string& spec, char verb, const Value& value) {
    switch (verb) {
    case 'd':
        return printf_integer(spec, number_of(value));
    case 'f':
    case 'e':
    case 'g':
        return printf_number(spec, number_of(value));
    case 's':
        return string_of(value);
    case 'q':
        return nlohmann::json(string_of(value)).dump();
    case 't':
        return bool_of(value) ? "true" : "false";
    case 'v':
        if (value.is_string() || value.is_number() || value.is_bool())
            return string_of(value);
        return to_json(value).dump();
    default:
        throw FunctionError(std::string("unsupported format verb %") + verb);
    }
}

} // namespace

Value format(const FunctionArguments& arguments) {
    const std::string pattern = string_of(arguments[0]);
    std::string out;
    std::size_t next = 1;
    for (std::size_t i = 0; i < pattern.size(); ++i) {
        if (pattern[i] != '%') {
            out += pattern[i];
            continue;
        }
        if (i + 1 < pattern.size() && pattern[i + 1] == '%') {
            out += '%';
            ++i;
            continue;
        }
        std::size_t end = i + 1;
        while (end < pattern.size() && (std::strchr("+-# 0.", pattern[end]) ||
                                        std::isdigit(static_cast<unsigned char>(pattern[end]))))
            ++end;
        if (end >= pattern.size())
            throw FunctionError("unterminated format verb");
        if (next >= arguments.size())
            throw FunctionError("not enough arguments for the format string");
        out += format_verb(pattern.substr(i, end - i + 1), pattern[end], arguments[next++]);
        i = end;
    }
    if (next != arguments.size())
        throw FunctionError("too many arguments for the format string");
    return Value::string(std::move(out));
}

Value join(const FunctionArguments& arguments) {
    const std::string separator = string_of(arguments[0]);
    std::string out;
    bool first = true;
    for (std::size_t i = 1; i < arguments.size(); ++i)
        for (const Value& element : list_of(arguments[i])) {
            out += (first ? "" : separator) + string_of(element);
            first = false;
        }
    return Value::string(std::move(out));
}

Value split(const FunctionArguments& arguments) {
    const std::string separator = string_of(arguments[0]);
    const std::string text = string_of(arguments[1]);
    Value::List parts;
    if (separator.empty()) {
        const std::vector<std::size_t> offsets = character_offsets(text);
        for (std::size_t i = 0; i + 1 < offsets.size(); ++i)
            parts.push_back(Value::string(text.substr(offsets[i], offsets[i + 1] - offsets[i])));
        return Value::list(std::move(parts));
    }
    std::size_t at = 0;
    for (std::size_t found; (found = text.find(separator, at)) != std::string::npos;
         at = found + separator.size())
        parts.push_back(Value::string(text.substr(at, found - at)));
    parts.push_back(Value::string(text.substr(at)));
    return Value::list(std::move(parts));
}

Value upper(const FunctionArguments& arguments) {
    std::string text = string_of(arguments[0]);
    for (char& c : text)
        c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    return Value::string(std::move(text));
}

Value lower(const FunctionArguments& arguments) {
    std::string text = string_of(arguments[0]);
    for (char& c : text)
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return Value::string(std::move(text));
}

Value replace(const FunctionArguments& arguments) {
    const std::string text = string_of(arguments[0]);
    const std::string search = string_of(arguments[1]);
    const std::string replacement = string_of(arguments[2]);
    if (search.size() >= 2 && search.front() == '/' && search.back() == '/') {
        try {
            return Value::string(std::regex_replace(
                text, std::regex(search.substr(1, search.size() - 2)), replacement));
        } catch (const std::regex_error& error) {
            throw FunctionError("invalid regular expression " + search + ": " + error.what());
        }
    }
    if (search.empty())
        return Value::string(text);
    std::string out;
    std::size_t at = 0;
    for (std::size_t found; (found = text.find(search, at)) != std::string::npos;
         at = found + search.size())
        out += text.substr(at, found - at) + replacement;
    out += text.substr(at);
    return Value::string(std::move(out));
}

Value substr(const FunctionArguments& arguments) {
    const std::string text = string_of(arguments[0]);
    const std::vector<std::size_t> offsets = character_offsets(text);
    const auto characters = static_cast<long long>(offsets.size() - 1);
    auto offset = static_cast<long long>(number_of(arguments[1]));
    auto length = static_cast<long long>(number_of(arguments[2]));
    if (offset < 0)
        offset += characters;
    if (offset < 0 || offset > characters)
        throw FunctionError("offset out of range");
    const long long end = length < 0 ? characters : std::min(characters, offset + length);
    return Value::string(text.substr(offsets[static_cast<std::size_t>(offset)],
                                     offsets[static_cast<std::size_t>(end)] -
                                         offsets[static_cast<std::size_t>(offset)]));
}

Value trimspace(const FunctionArguments& arguments) {
    const std::string text = string_of(arguments[0]);
    const std::size_t begin = text.find_first_not_of(" \t\r\n\v\f");
    if (begin == std::string::npos)
        return Value::string("");
    return Value::string(text.substr(begin, text.find_last_not_of(" \t\r\n\v\f") - begin + 1));
}

Value trimprefix(const FunctionArguments& arguments) {
    const std::string text = string_of(arguments[0]);
    const std::string prefix = string_of(arguments[1]);
    return Value::string(text.starts_with(prefix) ? text.substr(prefix.size()) : text);
}

Value trimsuffix(const FunctionArguments& arguments) {
    const std::string text = string_of(arguments[0]);
    const std::string suffix = string_of(arguments[1]);
    return Value::string(text.ends_with(suffix) ? text.substr(0, text.size() - suffix.size())
                                                : text);
}

Value startswith(const FunctionArguments& arguments) {
    return Value::boolean(string_of(arguments[0]).starts_with(string_of(arguments[1])));
}

Value endswith(const FunctionArguments& arguments) {
    return Value::boolean(string_of(arguments[0]).ends_with(string_of(arguments[1])));
}

Value jsonencode(const FunctionArguments& arguments) {
    return Value::string(to_json(arguments[0]).dump());
}

} // namespace costgate::ingest::functions
