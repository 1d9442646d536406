#include "rules/rule_kinds.hpp"

#include <algorithm>
#include <array>

namespace costgate::policy {

namespace {

// One line per rule kind, sorted by name.
constexpr std::array<RuleKind, 14> k_rule_kinds = {{
    {"ai_budget", &parse_ai_budget, true, "what value limit percent"},
    {"allowed_models", &parse_allowed_models, true, "model allowed"},
    {"budget", &parse_budget, false, "what value limit percent scope"},
    {"expiry", &parse_expiry, true, "tag value expires days"},
    {"instance_types", &parse_instance_types, true, "instance_type vcpus memory_gib gpus limit"},
    {"kubernetes", &parse_kubernetes, true, "container check value limit"},
    {"regions", &parse_regions, true, "allowed"},
    {"required_tags", &parse_required_tags, true, "missing invalid"},
    {"resource_cost", &parse_resource_cost, true, "what value limit percent suggestion"},
    {"resource_count", &parse_resource_count, true, "count count_before limit nodes"},
    {"spot_required", &parse_spot_required, true, "suggestion"},
    {"token_prices", &parse_token_prices, true, "model kind value limit suggestion"},
    {"unit_cost", &parse_unit_cost, true, "unit value limit percent"},
    {"unpriced", &parse_unpriced, true, "notes"},
}};

static_assert(std::is_sorted(k_rule_kinds.begin(), k_rule_kinds.end(),
                             [](const RuleKind& a, const RuleKind& b) { return a.name < b.name; }),
              "keep k_rule_kinds sorted by name");

} // namespace

const RuleKind* find_rule_kind(std::string_view name) {
    const auto found = std::find_if(k_rule_kinds.begin(), k_rule_kinds.end(),
                                    [&](const RuleKind& kind) { return kind.name == name; });
    return found == k_rule_kinds.end() ? nullptr : &*found;
}

std::string rule_kind_names() {
    std::string names;
    for (const RuleKind& kind : k_rule_kinds)
        names += (names.empty() ? "" : ", ") + std::string(kind.name);
    return names;
}

} // namespace costgate::policy
