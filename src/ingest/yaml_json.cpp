#include "yaml_json.hpp"

#include <charconv>
#include <regex>

namespace costgate {

namespace {

nlohmann::json plain_scalar(const std::string& text) {
    static const std::regex k_null("^(~|null|Null|NULL|)$");
    static const std::regex k_true("^(true|True|TRUE)$");
    static const std::regex k_false("^(false|False|FALSE)$");
    static const std::regex k_int("^[-+]?[0-9]+$");
    static const std::regex k_float(R"(^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$)");
    if (std::regex_match(text, k_null))
        return nullptr;
    if (std::regex_match(text, k_true))
        return true;
    if (std::regex_match(text, k_false))
        return false;
    if (std::regex_match(text, k_int)) {
        long long value = 0;
        const char* begin = text.data() + (text.front() == '+' ? 1 : 0);
        const auto [end, error] = std::from_chars(begin, text.data() + text.size(), value);
        if (error == std::errc() && end == text.data() + text.size())
            return value;
    }
    if (std::regex_match(text, k_float)) {
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
