#include "costgate/util/yaml_map.hpp"

#include <charconv>
#include <cmath>

namespace costgate::util {

SourceLocation yaml_location(const std::string& file, const YAML::Node& node) {
    const YAML::Mark mark = node.Mark();
    if (mark.is_null())
        return {file};
    return {file, mark.line + 1, mark.column + 1, {}};
}

YAML::Node load_yaml(const std::string& file, std::string_view text) {
    try {
        return YAML::Load(std::string(text));
    } catch (const YAML::Exception& error) {
        const SourceLocation where =
            error.mark.is_null()
                ? SourceLocation{file}
                : SourceLocation{file, error.mark.line + 1, error.mark.column + 1, {}};
        throw InputError(where, "invalid YAML: " + error.msg);
    }
}

YamlMap::YamlMap(std::string file, YAML::Node node, std::string what)
    : m_file(std::move(file)), m_node(std::move(node)), m_what(std::move(what)) {
    if (!m_node.IsMap())
        throw InputError(yaml_location(m_file, m_node), m_what + " must be a mapping");
    std::set<std::string> seen;
    for (const auto& entry : m_node) {
        if (!entry.first.IsScalar())
            fail(entry.first, m_what + " keys must be plain strings");
        if (!seen.insert(entry.first.Scalar()).second)
            fail(entry.first, "duplicate key \"" + entry.first.Scalar() + "\" in " + m_what);
    }
}

bool YamlMap::has(const std::string& key) const {
    for (const auto& entry : m_node)
        if (entry.first.Scalar() == key)
            return true;
    return false;
}

YAML::Node YamlMap::get(const std::string& key) {
    m_read.insert(key);
    for (const auto& entry : m_node)
        if (entry.first.Scalar() == key)
            return entry.second;
    return YAML::Node(YAML::NodeType::Undefined);
}

std::string YamlMap::required_string(const std::string& key) {
    if (!has(key))
        fail(m_node, m_what + " is missing \"" + key + "\"");
    auto value = optional_string(key);
    if (!value || value->empty())
        fail(get(key), "\"" + key + "\" must not be empty");
    return *value;
}

std::optional<std::string> YamlMap::optional_string(const std::string& key) {
    const YAML::Node node = get(key);
    if (!node.IsDefined() || node.IsNull())
        return std::nullopt;
    if (!node.IsScalar())
        fail(node, "\"" + key + "\" must be a string");
    return node.Scalar();
}

std::optional<double> YamlMap::optional_number(const std::string& key) {
    const YAML::Node node = get(key);
    if (!node.IsDefined() || node.IsNull())
        return std::nullopt;
    return yaml_number(*this, node, "\"" + key + "\"");
}

std::optional<bool> YamlMap::optional_bool(const std::string& key) {
    const YAML::Node node = get(key);
    if (!node.IsDefined() || node.IsNull())
        return std::nullopt;
    if (node.IsScalar() && node.Scalar() == "true")
        return true;
    if (node.IsScalar() && node.Scalar() == "false")
        return false;
    fail(node, "\"" + key + "\" must be true or false");
}

std::optional<long> YamlMap::optional_integer(const std::string& key, long min, long max) {
    const auto value = optional_number(key);
    if (!value)
        return std::nullopt;
    if (std::trunc(*value) != *value || *value < static_cast<double>(min) ||
        *value > static_cast<double>(max))
        fail(get(key), "\"" + key + "\" must be a whole number from " + std::to_string(min) +
                           " to " + std::to_string(max));
    return static_cast<long>(*value);
}

std::vector<std::string> YamlMap::string_list(const std::string& key) {
    const YAML::Node node = get(key);
    std::vector<std::string> values;
    if (!node.IsDefined() || node.IsNull())
        return values;
    if (node.IsScalar()) {
        values.push_back(node.Scalar());
    } else if (node.IsSequence()) {
        for (const YAML::Node& item : node) {
            if (!item.IsScalar() || item.Scalar().empty())
                fail(item, "\"" + key + "\" must be a list of non-empty strings");
            values.push_back(item.Scalar());
        }
    } else {
        fail(node, "\"" + key + "\" must be a string or a list of strings");
    }
    return values;
}

void YamlMap::finish() const {
    for (const auto& entry : m_node)
        if (!m_read.contains(entry.first.Scalar()))
            fail(entry.first, "unknown key \"" + entry.first.Scalar() + "\" in " + m_what);
}

void YamlMap::fail(const YAML::Node& at, const std::string& message) const {
    throw InputError(yaml_location(m_file, at), message);
}

YamlMap load_versioned_document(const std::string& file, std::string_view text,
                                const std::string& what) {
    const YAML::Node document = load_yaml(file, text);
    if (!document.IsDefined() || document.IsNull())
        throw InputError({file}, what + " is empty");
    YamlMap map(file, document, what);
    const YAML::Node version = map.get("version");
    if (!version.IsDefined())
        map.fail(what + " is missing \"version: 1\"");
    if (!version.IsScalar() || version.Scalar() != "1")
        map.fail(version, "unsupported " + what + " version (costgate reads version: 1)");
    return map;
}

double yaml_number(const YamlMap& map, const YAML::Node& node, const std::string& what) {
    if (!node.IsScalar())
        map.fail(node, what + " must be a number");
    const std::string& text = node.Scalar();
    double value = 0.0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (error != std::errc() || end != text.data() + text.size() || !std::isfinite(value))
        map.fail(node, what + " must be a number, found \"" + text + "\"");
    return value;
}

} // namespace costgate::util
