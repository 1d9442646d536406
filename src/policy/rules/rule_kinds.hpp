#pragma once

#include "costgate/policy/rule.hpp"
#include "util/yaml_map.hpp"

#include <memory>
#include <string_view>

namespace costgate {

/// Reads a rule kind's own keys from its mapping (id, kind, severity, match and
/// description are already read) and returns the rule, or throws InputError.
using RuleParser = std::unique_ptr<Rule> (*)(YamlMap& rule);

/// The parser for a rule kind, or nullptr. Registered in src/policy/rule_kinds.cpp.
RuleParser find_rule_kind(std::string_view kind);

/// Every rule kind name, sorted (for messages).
std::string rule_kind_names();

/// Whether a rule kind takes a `match` selection (run-wide kinds such as budget do not).
bool rule_kind_takes_match(std::string_view kind);

std::unique_ptr<Rule> parse_required_tags(YamlMap& rule);
std::unique_ptr<Rule> parse_budget(YamlMap& rule);

} // namespace costgate
