#include "cheaper_choices.hpp"
#include "rule_kinds.hpp"
#include "rule_options.hpp"
#include "unconfirmed.hpp"

namespace costgate::policy {

namespace {

/// Caps the monthly cost of each selected resource after the change, and optionally its
/// monthly increase, with the same `warn_at_percent` tiers as budgets. A resource that is
/// not fully priced is judged on what its priced parts cost: over the cap it fails, and
/// under it the cap could not be confirmed (`when_incomplete`). A GPU machine's finding names
/// its cheaper choices (spot, an allowed region) where the catalog knows them.
class ResourceCost final : public Rule {
  public:
    std::optional<Money> max_monthly;
    std::optional<Money> max_monthly_delta;
    std::vector<double> tiers;
    bool at_max = false;
    Severity incomplete_severity = Severity::warn;

    void evaluate(const EvaluationInput& input, std::vector<Finding>& findings) const override {
        for (const PricedResource& priced : input.estimate.resources) {
            const Resource& resource = priced.resource;
            if (!match.matches(resource))
                continue;
            const ResourceEstimate& estimate = priced.estimate;
            const Unknowns& unknowns = estimate.unknowns;
            // Nothing priced counts as $0 known, so that the cap is judged unconfirmed.
            const bool known = estimate.priced || estimate.partial;
            const Money before = estimate.monthly_before.value_or(Money{});
            const Money after = known ? *monthly_after(estimate, at_max) : Money{};
            const std::string scaled =
                known && monthly_after(estimate, at_max) != estimate.monthly_after
                    ? " at its autoscaler's maximum"
                    : "";
            if (max_monthly)
                check(input, priced, "costs", after, *max_monthly, {unknowns.after, false}, scaled,
                      findings);
            if (max_monthly_delta)
                check(input, priced, "adds", after - before, *max_monthly_delta,
                      {unknowns.delta_up, unknowns.delta_down}, scaled, findings);
        }
    }

  private:
    void check(const EvaluationInput& input, const PricedResource& priced, const std::string& what,
               Money value, Money limit, FigureUnknowns unknowns, const std::string& scaled,
               std::vector<Finding>& findings) const {
        const Resource& resource = priced.resource;
        const std::string amount = resource.address + " " + what + " " +
                                   figure_text(value, unknowns, input.currency) + " a month" +
                                   scaled;
        const std::string cap = "the " + format_money(limit, input.currency) + " cap per resource";
        if (thresholds_apply(unknowns))
            if (const auto hit = check_threshold(value, limit, tiers, severity)) {
                const std::string percent = hit->tier ? format_percent(*hit->tier) : "";
                const std::string suggestion = gpu_machine_suggestions(input, priced);
                Finding result = finding(&priced,
                                         (hit->tier ? amount + ", " + percent + " of " + cap
                                                    : amount + ", over " + cap) +
                                             (suggestion.empty() ? "" : "; " + suggestion),
                                         {{"what", what},
                                          {"value", value.to_cents_string()},
                                          {"limit", limit.to_cents_string()},
                                          {"percent", percent},
                                          {"suggestion", suggestion}});
                result.severity = hit->severity;
                findings.push_back(std::move(result));
            }
        if (!unconfirmed(value > limit, unknowns))
            return;
        // costgate's own message: a policy's `message:` speaks of caps reached.
        Finding result = finding(&priced, "");
        result.message = amount + ", which could not be confirmed " +
                         (value > limit ? "over " : "within ") + cap + ": " +
                         unpriced_resources_text({&priced});
        result.severity = incomplete_severity;
        findings.push_back(std::move(result));
    }
};

} // namespace

std::unique_ptr<Rule> parse_resource_cost(util::YamlMap& map) {
    auto rule = std::make_unique<ResourceCost>();
    rule->max_monthly = money_option(map, "max_monthly");
    rule->max_monthly_delta = money_option(map, "max_monthly_delta");
    if (!rule->max_monthly && !rule->max_monthly_delta)
        map.fail("resource_cost needs \"max_monthly\" or \"max_monthly_delta\"");
    rule->tiers = warn_tiers(map);
    rule->at_max = at_max_replicas(map);
    rule->incomplete_severity = when_incomplete_option(map);
    return rule;
}

} // namespace costgate::policy
