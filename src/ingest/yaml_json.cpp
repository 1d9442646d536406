#include "yaml_json.hpp"

#include <charconv>
#include <initializer_list>
#include <string_view>

namespace costgate {

namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }

std::size_t skip_digits(std::string_view text, std::size_t at) {
    while (at < text.size() && is_digit(text[at]))
        ++at;
    return at;
}

std::size_t skip_sign(std::string_view text) {
    return !text.empty() && (text.front() == '-' || text.front() == '+') ? 1 : 0;
}

// [-+]?[0-9]+
bool is_integer(std::string_view text) {
    const std::size_t begin = skip_sign(text);
    const std::size_t end = skip_digits(text, begin);
    return end > begin && end == text.size();
}

// [-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?
bool is_float(std::string_view text) {
    std::size_t at = skip_sign(text);
    if (at < text.size() && text[at] == '.') {
        const std::size_t end = skip_digits(text, at + 1);
        if (end == at + 1)
            return false;
        at = end;
    } else {
        const std::size_t end = skip_digits(text, at);
        if (end == at)
            return false;
        at = end;
        if (at < text.size() && text[at] == '.')
            at = skip_digits(text, at + 1);
    }
    if (at < text.size() && (text[at] == 'e' || text[at] == 'E')) {
        ++at;
        if (at < text.size() && (text[at] == '-' || text[at] == '+'))
            ++at;
        const std::size_t end = skip_digits(text, at);
        if (end == at)
            return false;
        at = end;
    }
    return at == text.size();
}

bool is_one_of(std::string_view text, std::initializer_list<std::string_view> words) {
    for (std::string_view word : words)
        if (text == word)
            return true;
    return false;
}

// YAML 1.2 core schema typing of a plain scalar (hand-written: std::regex was a tenth of the
// time spent on large manifest sets).
nlohmann::json plain_scalar(const std::string& text) {
    if (is_one_of(text, {"~", "null", "Null", "NULL", ""}))
        return nullptr;
    if (is_one_of(text, {"true", "True", "TRUE"}))
        return true;
    if (is_one_of(text, {"false", "False", "FALSE"}))
        return false;
    if (is_integer(text)) {
        long long value = 0;
        const char* begin = text.data() + (text.front() == '+' ? 1 : 0);
        const auto [end, error] = std::from_chars(begin, text.data() + text.size(), value);
        if (error == std::errc() && end == text.data() + text.size())
            return value;
    }
    if (is_float(text)) {
        double value = 0;
        const char* begin = text.data() + (text.front() == '+' ? 1 : 0);
        const auto [end, error] = std::from_chars(begin, text.data() + text.size(), value);
        if (error == std::errc() && end == text.data() + text.size())
            return value;
    }
    return text;
}

} // namespace

nlohmann::json yaml_to_json(const YAML::Node& node) {
    switch (node.Type()) {
    case YAML::NodeType::Map: {
        nlohmann::json object = nlohmann::json::object();
        for (const auto& entry : node)
            object[entry.first.Scalar()] = yaml_to_json(entry.second);
        return object;
    }
    case YAML::NodeType::Sequence: {
        nlohmann::json array = nlohmann::json::array();
        for (const YAML::Node& item : node)
            array.push_back(yaml_to_json(item));
        return array;
    }
    case YAML::NodeType::Scalar:
        // yaml-cpp tags quoted scalars "!" and plain ones "?".
        return node.Tag() == "!" ? nlohmann::json(node.Scalar()) : plain_scalar(node.Scalar());
    default:
        return nullptr;
    }
}

} // namespace costgate
