#include "yaml_json.hpp"

#include "costgate/error.hpp"
#include "json_document.hpp"
#include "util/yaml_map.hpp"

#include <algorithm>
#include <charconv>
#include <initializer_list>
#include <set>
#include <string_view>

namespace costgate {

namespace {

// Legitimate anchors repeat a block a few times; beyond this many values per byte of input
// the aliases are a "billion laughs" bomb.
constexpr std::size_t k_values_per_byte = 10;
constexpr std::size_t k_min_value_budget = 100'000;

bool is_one_of(std::string_view text, std::initializer_list<std::string_view> words) {
    for (const std::string_view word : words)
        if (text == word)
            return true;
    return false;
}

// Skips the digits at `at`; returns how many there were.
std::size_t skip_digits(std::string_view text, std::size_t& at) {
    const std::size_t start = at;
    while (at < text.size() && text[at] >= '0' && text[at] <= '9')
        ++at;
    return at - start;
}

// The YAML 1.2 core schema's integers: [-+]?[0-9]+ (hand-written: std::regex recurses per
// character and overflows the stack on long scalars).
bool is_int(std::string_view text) {
    std::size_t at = text.starts_with('-') || text.starts_with('+') ? 1 : 0;
    return skip_digits(text, at) > 0 && at == text.size();
}

// The core schema's floats: [-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?
bool is_float(std::string_view text) {
    std::size_t at = text.starts_with('-') || text.starts_with('+') ? 1 : 0;
    const std::size_t integer_digits = skip_digits(text, at);
    std::size_t fraction_digits = 0;
    if (at < text.size() && text[at] == '.') {
        ++at;
        fraction_digits = skip_digits(text, at);
    }
    if (integer_digits == 0 && fraction_digits == 0)
        return false;
    if (at < text.size() && (text[at] == 'e' || text[at] == 'E')) {
        ++at;
        if (at < text.size() && (text[at] == '-' || text[at] == '+'))
            ++at;
        if (skip_digits(text, at) == 0)
            return false;
    }
    return at == text.size();
}

nlohmann::json plain_scalar(const std::string& text) {
    if (is_one_of(text, {"~", "null", "Null", "NULL", ""}))
        return nullptr;
    if (is_one_of(text, {"true", "True", "TRUE"}))
        return true;
    if (is_one_of(text, {"false", "False", "FALSE"}))
        return false;
    if (is_int(text)) {
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

/// Walks one document, counting values as aliases expand them.
class YamlGuard {
  public:
    YamlGuard(const std::string& file, std::size_t budget) : m_file(file), m_budget(budget) {}

    void check(const YAML::Node& node, std::size_t depth) {
        if (++m_values > m_budget)
            throw InputError(yaml_location(m_file, node), "YAML aliases expand to more than " +
                                                              std::to_string(m_budget) +
                                                              " values (an alias bomb?)");
        if (depth > k_max_document_depth)
            throw InputError(yaml_location(m_file, node), "nested deeper than " +
                                                              std::to_string(k_max_document_depth) +
                                                              " levels");
        if (node.IsMap()) {
            std::set<std::string, std::less<>> keys;
            for (const auto& entry : node) {
                if (entry.first.IsScalar() && !keys.insert(entry.first.Scalar()).second)
                    throw InputError(yaml_location(m_file, entry.first),
                                     "duplicate key \"" + entry.first.Scalar() + "\"");
                check(entry.second, depth + 1);
            }
        } else if (node.IsSequence()) {
            for (const YAML::Node& item : node)
                check(item, depth + 1);
        }
    }

  private:
    const std::string& m_file;
    std::size_t m_budget;
    std::size_t m_values = 0;
};

} // namespace

void check_yaml_document(const std::string& file, const YAML::Node& document,
                         std::size_t text_size) {
    YamlGuard(file, std::max(k_min_value_budget, k_values_per_byte * text_size)).check(document, 0);
}

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
