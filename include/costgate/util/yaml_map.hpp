#pragma once

#include "costgate/model/error.hpp"

#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>
#include <yaml-cpp/yaml.h>

namespace costgate::util {

/// Where a YAML node is, for messages.
SourceLocation yaml_location(const std::string& file, const YAML::Node& node);

/// Parses a YAML document, turning yaml-cpp's exceptions into InputError `file:line:column`.
YAML::Node load_yaml(const std::string& file, std::string_view text);

/// Strict reader for one YAML mapping: duplicate keys, keys of the wrong type and keys
/// nobody asked for (see finish()) are errors with file:line:column. Merge keys
/// (`<<: *defaults`) are applied, the mapping's own keys winning, so a merged key is read
/// (and checked) like one written in place.
class YamlMap {
  public:
    using Entry = std::pair<YAML::Node, YAML::Node>;

    /// `what` names the mapping in messages ("rule", "match", ...).
    YamlMap(std::string file, YAML::Node node, std::string what);

    bool has(const std::string& key) const;
    /// The value of `key` (marked as read), or an undefined node when absent.
    YAML::Node get(const std::string& key);

    std::string required_string(const std::string& key);
    std::optional<std::string> optional_string(const std::string& key);
    std::optional<double> optional_number(const std::string& key);
    /// `true` or `false` (YAML's other spellings of booleans are refused as ambiguous).
    std::optional<bool> optional_bool(const std::string& key);
    /// A whole number in [min, max].
    std::optional<long> optional_integer(const std::string& key, long min, long max);
    /// A list of strings; a single string is accepted as a one-element list.
    std::vector<std::string> string_list(const std::string& key);

    /// The keys and values, merged ones included, in the order written (merged ones last).
    const std::vector<Entry>& entries() const { return m_entries; }

    /// Throws for the first key that was never read.
    void finish() const;

    [[noreturn]] void fail(const YAML::Node& at, const std::string& message) const;
    /// Fails at the mapping itself.
    [[noreturn]] void fail(const std::string& message) const { fail(m_node, message); }
    SourceLocation where() const { return yaml_location(m_file, m_node); }
    const std::string& file() const { return m_file; }

  private:
    std::vector<Entry> merged_entries(const YAML::Node& node, int depth) const;

    std::string m_file;
    YAML::Node m_node;
    std::string m_what;
    std::vector<Entry> m_entries;
    std::set<std::string> m_read;
};

/// Parses a costgate YAML document (policy, usage file, catalog overlay): it must be a
/// non-empty mapping with `version: 1`, which the returned map has already read.
/// `what` names the document in messages ("policy", "usage file", ...).
YamlMap load_versioned_document(const std::string& file, std::string_view text,
                                const std::string& what);

/// The finite number in a plain (or !!int / !!float) scalar node; anything else (a quoted
/// string, another tag, `0x10`, `1_000`, `.nan`, a list) throws via `map.fail`.
double yaml_number(const YamlMap& map, const YAML::Node& node, const std::string& what);

} // namespace costgate::util
