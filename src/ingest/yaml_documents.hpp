#pragma once

#include "costgate/model/error.hpp"

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

namespace costgate::ingest {

/// A mapping key given again: its later value replaced the earlier one.
struct YamlRepeatedKey {
    SourceLocation where;
    std::string key;
};

/// One document of a YAML stream, as JSON.
struct YamlDocument {
    nlohmann::json value;
    /// 1-based line where the document's content starts.
    int line = 0;
    /// Lines of the elements of the top-level `items` sequence (a Kubernetes `List`).
    std::vector<int> item_lines;
    /// Keys repeated in a mapping of the document, in document order.
    std::vector<YamlRepeatedKey> repeated_keys;
};

/// The text is not YAML (libyaml's message, at the place it gave up).
class YamlSyntaxError : public InputError {
  public:
    using InputError::InputError;
};

/// A mapping key that is a mapping or a sequence: valid YAML no Kubernetes manifest uses,
/// but what `replicas: {{ .Values.replicas }}` parses to.
class YamlComplexKey : public InputError {
  public:
    using InputError::InputError;
};

/// Reads every document of `text` with libyaml, in one pass over its events, straight into
/// JSON. Plain scalars are typed by the YAML core schema (null, booleans, integers, floats);
/// quoted and block scalars and `!!str` stay strings, so `replicas: 3` is a number and
/// `version: "3"` a string. Merge keys (`<<: *defaults`) are applied, the mapping's own keys
/// winning. Empty documents are left out.
///
/// A key repeated in one mapping keeps its last value, as kubectl's reader does, and is
/// listed in the document's `repeated_keys` for the caller to warn about.
///
/// Throws InputError at `file:line:column` for a merge key whose value is
/// not a mapping or a list of mappings, a `<<` given twice in one mapping, nesting deeper than
/// k_max_document_depth, an alias to an unknown or enclosing anchor, and aliases expanding
/// to more than 10 values per byte of input ("billion laughs"); YamlSyntaxError and
/// YamlComplexKey as above.
std::vector<YamlDocument> read_yaml_documents(const std::string& file, std::string_view text);

} // namespace costgate::ingest
