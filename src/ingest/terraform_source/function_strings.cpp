#include "costgate/util/regex.hpp"
#include "function_library.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <nlohmann/json.hpp>
#include <optional>

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

/// The text of the group `name` names (a number, or a group's name) in a match; empty
/// when there is no such group, as in Go.
std::string_view group_named(std::string_view name, const util::Regex& regex,
                             const util::RegexGroups& groups) {
    long long index = 0;
    if (std::all_of(name.begin(), name.end(),
                    [](char c) { return std::isdigit(static_cast<unsigned char>(c)) != 0; })) {
        // Go reads a number of 1e8 or more as a name, which no group has.
        for (const char digit : name)
            if ((index = index * 10 + (digit - '0')) >= 100'000'000)
                return {};
    } else {
        index = regex.group_index(name);
    }
    return index >= 0 && static_cast<std::size_t>(index) < groups.size()
               ? groups[static_cast<std::size_t>(index)]
               : std::string_view();
}

/// `replacement` for one match of `regex`, expanded as Go's regexp (so Terraform) does:
/// `$$` is `$`; `$name` and `${name}` are a group's text, where a name is the longest run
/// of letters, digits and `_` (so `$1x` is the group named `1x`, empty) and a number
/// names a group by position; a `$` that starts no name is kept as it is.
std::string expand_groups(std::string_view replacement, const util::Regex& regex,
                          const util::RegexGroups& groups) {
    const auto name_character = [](char c) {
        return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '_';
    };
    std::string out;
    for (std::size_t i = 0; i < replacement.size(); ++i) {
        if (replacement[i] != '$') {
            out += replacement[i];
            continue;
        }
        if (replacement.substr(i + 1, 1) == "$") {
            out += '$';
            ++i;
            continue;
        }
        const bool braced = replacement.substr(i + 1, 1) == "{";
        const std::size_t start = i + 1 + (braced ? 1 : 0);
        std::size_t end = start;
        while (end < replacement.size() && name_character(replacement[end]))
            ++end;
        if (end == start || (braced && replacement.substr(end, 1) != "}")) {
            out += '$';
            continue;
        }
        out += group_named(replacement.substr(start, end - start), regex, groups);
        i = braced ? end : end - 1;
    }
    return out;
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
        std::optional<util::Regex> regex;
        try {
            regex.emplace(search.substr(1, search.size() - 2));
        } catch (const util::RegexError& error) {
            throw FunctionError("invalid regular expression " + search + ": " + error.what());
        }
        try {
            return Value::string(regex->replace_all(text, [&](const util::RegexGroups& groups) {
                return expand_groups(replacement, *regex, groups);
            }));
        } catch (const util::RegexError& error) {
            throw FunctionError("regular expression " + search + ": " + error.what());
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
