#include "costgate/util/yaml_map.hpp"

#include <charconv>
#include <cmath>

namespace costgate::util {

namespace {

// A mapping that merges one that merges another ... this deep is a loop of anchors.
constexpr int k_max_merge_depth = 32;

// YAML's merge key is a plain `<<` (yaml-cpp tags plain scalars "?") or one tagged !!merge.
bool is_merge_key(const YAML::Node& key) {
    return key.IsScalar() && key.Scalar() == "<<" &&
           (key.Tag() == "?" || key.Tag() == "tag:yaml.org,2002:merge");
}

} // namespace

std::vector<YamlMap::Entry> YamlMap::merged_entries(const YAML::Node& node, int depth) const {
    if (depth > k_max_merge_depth)
        fail(node, "merge keys (<<) nested deeper than " + std::to_string(k_max_merge_depth) +
                       " levels (a loop of anchors?)");
    std::vector<Entry> entries;
    std::set<std::string> seen;
    std::vector<YAML::Node> merges;
    for (const auto& entry : node) {
        if (!entry.first.IsScalar())
            fail(entry.first, m_what + " keys must be plain strings");
        if (!seen.insert(entry.first.Scalar()).second)
            fail(entry.first, "duplicate key \"" + entry.first.Scalar() + "\" in " + m_what);
        if (!is_merge_key(entry.first)) {
            entries.emplace_back(entry.first, entry.second);
            continue;
        }
        if (entry.second.IsMap())
            merges.push_back(entry.second);
        else if (entry.second.IsSequence())
            for (const YAML::Node& item : entry.second) {
                if (!item.IsMap())
                    fail(item, "the merge key << takes a mapping or a list of mappings");
                merges.push_back(item);
            }
        else
            fail(entry.second, "the merge key << takes a mapping or a list of mappings");
    }
    // The mapping's own keys win over merged ones, and earlier merged mappings over later.
    for (const YAML::Node& merged : merges)
        for (Entry& entry : merged_entries(merged, depth + 1))
            if (seen.insert(entry.first.Scalar()).second)
                entries.push_back(std::move(entry));
    return entries;
}

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
    m_entries = merged_entries(m_node, 0);
}

bool YamlMap::has(const std::string& key) const {
    for (const Entry& entry : m_entries)
        if (entry.first.Scalar() == key)
            return true;
    return false;
}

YAML::Node YamlMap::get(const std::string& key) {
    m_read.insert(key);
    for (const Entry& entry : m_entries)
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
    for (const Entry& entry : m_entries)
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
    // A quoted "12" or a tagged `!!python/object 12` is text the author chose not to write
    // as a number; only plain scalars and !!int / !!float are read as one.
    const std::string& tag = node.Tag();
    if (tag != "?" && tag != "tag:yaml.org,2002:int" && tag != "tag:yaml.org,2002:float")
        map.fail(node, what + " must be a number, found " +
                           (tag == "!" ? "the string \"" + text + "\"" : "a value tagged " + tag));
    double value = 0.0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (error != std::errc() || end != text.data() + text.size() || !std::isfinite(value))
        map.fail(node, what + " must be a number, found \"" + text + "\"");
    return value;
}

} // namespace costgate::util
