#include "costgate/util/k8s_object.hpp"
#include "resource_capacity.hpp"
#include "rule_kinds.hpp"
#include "rule_options.hpp"
#include "token_components.hpp"
#include "unconfirmed.hpp"

namespace costgate::policy {

namespace {

/// One figure an AI budget sums over its selected resources, and the resources that leave
/// part of it out (token components without usage, GPU workloads whose pod count depends
/// on usage, resources not fully priced).
struct Sum {
    double value = 0;
    std::vector<const PricedResource*> left_out;
};

// `a, b and 3 more`: the first few resources a figure leaves out.
std::string addresses_text(const std::vector<const PricedResource*>& resources) {
    constexpr std::size_t k_named = 5;
    std::string text;
    for (std::size_t i = 0; i < resources.size() && i < k_named; ++i)
        text += (i ? ", " : "") + resources[i]->resource.address;
    if (resources.size() > k_named)
        text += " and " + std::to_string(resources.size() - k_named) + " more";
    return text;
}

/// Monthly limits on AI spend over the selected resources that exist after the change:
/// tokens (the token components' monthly tokens), cost (monthly after, at an HPA's maximum
/// with `replicas: max`) and GPU-hours (GPUs x priced machine-hours, or x replicas x 730). The same
/// `warn_at_percent` tiers as budgets: the highest tier reached warns, lower ones inform, over the
/// limit gives the rule's severity. A sum that leaves something out is a lower bound: over its
/// limit it fails, within it the limit could not be confirmed (`when_incomplete`).
class AiBudget final : public Rule {
  public:
    std::optional<double> max_tokens;
    std::optional<Money> max_cost;
    std::optional<double> max_gpu_hours;
    std::vector<double> tiers;
    bool at_max = false;
    Severity incomplete_severity = Severity::warn;

    void evaluate(const EvaluationInput& input, std::vector<Finding>& findings) const override {
        Sum tokens;
        Sum cost;
        Sum gpu_hours;
        const std::vector<const Resource*> autoscalers =
            util::k8s::autoscalers_among(input.estimate.resources);
        for (const PricedResource& priced : input.estimate.resources) {
            const Resource& resource = priced.resource;
            if (!match.selects(resource) || resource.action == Action::remove ||
                resource.action == Action::read)
                continue;
            const ResourceEstimate& estimate = priced.estimate;
            const MonthlyTokens used = monthly_tokens(estimate.components);
            tokens.value += used.tokens;
            if (used.without_usage)
                tokens.left_out.push_back(&priced);
            cost.value +=
                static_cast<double>(monthly_after(estimate, at_max).value_or(Money{}).micros());
            if (estimate.unknowns.after)
                cost.left_out.push_back(&priced);
            const auto hours = gpu_hours_per_month(priced, autoscalers, at_max);
            gpu_hours.value += hours.value_or(0);
            if (!hours)
                gpu_hours.left_out.push_back(&priced);
        }
        if (max_tokens)
            check(tokens, *max_tokens, "Monthly AI tokens", format_count, " tokens", findings);
        if (max_cost)
            check(
                cost, static_cast<double>(max_cost->micros()), "Monthly AI cost",
                [&](double micros) {
                    return format_money(Money::from_micros(std::llround(micros)), input.currency);
                },
                "", findings);
        if (max_gpu_hours)
            check(gpu_hours, *max_gpu_hours, "Monthly GPU-hours", format_count, " GPU-hours",
                  findings);
    }

  private:
    template <typename Format>
    void check(const Sum& sum, double limit, const std::string& what, Format format,
               const std::string& unit, std::vector<Finding>& findings) const {
        const FigureUnknowns unknowns{!sum.left_out.empty(), false};
        // "at least 0 tokens" would read as a figure: when every selected resource is left
        // out, nothing of the sum is known.
        const bool nothing_known = unknowns.more && sum.value == 0;
        const std::string amount =
            what + " of " + (unknowns.more ? "at least " : "") + format(sum.value) + unit;
        const std::string budget = "the " + format(limit) + unit + " budget";
        if (const auto hit = check_threshold(sum.value, limit, tiers, severity)) {
            const std::string percent = hit->tier ? format_percent(*hit->tier) : "";
            Finding result =
                finding(nullptr,
                        hit->tier ? amount + " has reached " + percent + " of " + budget
                                  : amount + " is over " + budget,
                        {{"what", what},
                         {"value", format(sum.value)},
                         {"limit", format(limit)},
                         {"percent", percent}});
            result.severity = hit->severity;
            findings.push_back(std::move(result));
        }
        if (!unconfirmed(sum.value > limit, unknowns))
            return;
        // costgate's own message: a policy's `message:` speaks of limits reached.
        Finding result = finding(nullptr, "");
        result.message = (nothing_known ? what : amount) + " could not be confirmed within " +
                         budget + ": " + (nothing_known ? "none are known, " : "") +
                         std::to_string(sum.left_out.size()) + " resource(s) left out (" +
                         addresses_text(sum.left_out) + ")";
        result.severity = incomplete_severity;
        findings.push_back(std::move(result));
    }
};

} // namespace

std::unique_ptr<Rule> parse_ai_budget(util::YamlMap& map) {
    auto rule = std::make_unique<AiBudget>();
    rule->max_tokens = map.optional_number("max_monthly_tokens");
    if (rule->max_tokens && (*rule->max_tokens < 0 || *rule->max_tokens > 1e18))
        map.fail(map.get("max_monthly_tokens"),
                 "\"max_monthly_tokens\" must be from 0 to 1,000,000,000,000,000,000");
    rule->max_cost = money_option(map, "max_monthly_cost");
    rule->max_gpu_hours = map.optional_number("max_gpu_hours");
    if (rule->max_gpu_hours && (*rule->max_gpu_hours < 0 || *rule->max_gpu_hours > 1e12))
        map.fail(map.get("max_gpu_hours"), "\"max_gpu_hours\" must be from 0 to 1,000,000,000,000");
    if (!rule->max_tokens && !rule->max_cost && !rule->max_gpu_hours)
        map.fail("ai_budget needs at least one of \"max_monthly_tokens\", \"max_monthly_cost\" "
                 "or \"max_gpu_hours\"");
    rule->tiers = warn_tiers(map);
    rule->at_max = at_max_replicas(map);
    rule->incomplete_severity = when_incomplete_option(map);
    return rule;
}

} // namespace costgate::policy
