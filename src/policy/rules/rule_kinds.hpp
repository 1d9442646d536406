#pragma once

#include "costgate/policy/rule.hpp"
#include "costgate/util/yaml_map.hpp"

#include <memory>
#include <string_view>

namespace costgate::policy {

/// Reads a rule kind's own keys from its mapping (id, kind, severity, match, message and
/// description are already read) and returns the rule, or throws InputError.
using RuleParser = std::unique_ptr<Rule> (*)(util::YamlMap& rule);

/// One rule kind: its parser, whether it selects resources with `match` (run-wide kinds
/// such as budget do not) and the placeholders its message template may use besides the
/// common ones (space-separated).
struct RuleKind {
    std::string_view name;
    RuleParser parse;
    bool takes_match;
    std::string_view placeholders;
};

/// The rule kind called `name`, or nullptr. Registered in src/policy/rule_kinds.cpp.
const RuleKind* find_rule_kind(std::string_view name);

/// Every rule kind name, sorted (for messages).
std::string rule_kind_names();

std::unique_ptr<Rule> parse_ai_budget(util::YamlMap& rule);
std::unique_ptr<Rule> parse_allowed_models(util::YamlMap& rule);
std::unique_ptr<Rule> parse_budget(util::YamlMap& rule);
std::unique_ptr<Rule> parse_expiry(util::YamlMap& rule);
std::unique_ptr<Rule> parse_instance_types(util::YamlMap& rule);
std::unique_ptr<Rule> parse_kubernetes(util::YamlMap& rule);
std::unique_ptr<Rule> parse_regions(util::YamlMap& rule);
std::unique_ptr<Rule> parse_required_tags(util::YamlMap& rule);
std::unique_ptr<Rule> parse_resource_cost(util::YamlMap& rule);
std::unique_ptr<Rule> parse_resource_count(util::YamlMap& rule);
std::unique_ptr<Rule> parse_spot_required(util::YamlMap& rule);
std::unique_ptr<Rule> parse_token_prices(util::YamlMap& rule);
std::unique_ptr<Rule> parse_unit_cost(util::YamlMap& rule);
std::unique_ptr<Rule> parse_unpriced(util::YamlMap& rule);

} // namespace costgate::policy
