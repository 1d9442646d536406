#include "rules/rule_kinds.hpp"

#include <algorithm>
#include <array>

namespace costgate {

namespace {

struct RuleKind {
    std::string_view name;
    RuleParser parse;
    bool takes_match;
};

// One line per rule kind, sorted by name.
constexpr std::array<RuleKind, 2> k_rule_kinds = {{
    {"budget", &parse_budget, false},
    {"required_tags", &parse_required_tags, true},
}};

const RuleKind* find(std::string_view name) {
    const auto found = std::find_if(k_rule_kinds.begin(), k_rule_kinds.end(),
                                    [&](const RuleKind& kind) { return kind.name == name; });
    return found == k_rule_kinds.end() ? nullptr : &*found;
}

} // namespace

RuleParser find_rule_kind(std::string_view kind) {
    const RuleKind* found = find(kind);
    return found ? found->parse : nullptr;
}

bool rule_kind_takes_match(std::string_view kind) {
    const RuleKind* found = find(kind);
    return found && found->takes_match;
}

std::string rule_kind_names() {
    std::string names;
    for (const RuleKind& kind : k_rule_kinds)
        names += (names.empty() ? "" : ", ") + std::string(kind.name);
    return names;
}

} // namespace costgate
