#include "rule_kinds.hpp"
#include "rule_options.hpp"

namespace costgate::policy {

namespace {

/// Caps the monthly cost of each selected resource after the change, and optionally its
/// monthly increase, with the same `warn_at_percent` tiers as budgets.
class ResourceCost final : public Rule {
  public:
    std::optional<Money> max_monthly;
    std::optional<Money> max_monthly_delta;
    std::vector<double> tiers;
    bool at_max = false;

    void evaluate(const EvaluationInput& input, std::vector<Finding>& findings) const override {
        for (const PricedResource& priced : input.estimate.resources) {
            const Resource& resource = priced.resource;
            if (!match.matches(resource))
                continue;
            const ResourceEstimate& estimate = priced.estimate;
            const std::optional<Money> after = monthly_after(estimate, at_max);
            const std::string scaled =
                after != estimate.monthly_after ? " at its autoscaler's maximum" : "";
            if (max_monthly && after)
                check(priced, "costs", *after, *max_monthly, scaled, findings);
            if (max_monthly_delta && after && estimate.monthly_before)
                check(priced, "adds", *after - *estimate.monthly_before, *max_monthly_delta, scaled,
                      findings);
        }
    }

  private:
    void check(const PricedResource& priced, const std::string& what, Money value, Money limit,
               const std::string& scaled, std::vector<Finding>& findings) const {
        const Resource& resource = priced.resource;
        const auto hit = check_threshold(value, limit, tiers, severity);
        if (!hit)
            return;
        const std::string amount =
            resource.address + " " + what + " $" + value.to_cents_string() + " a month" + scaled;
        const std::string cap = "the $" + limit.to_cents_string() + " cap per resource";
        const std::string percent = hit->tier ? format_percent(*hit->tier) : "";
        Finding result = finding(
            &priced, hit->tier ? amount + ", " + percent + " of " + cap : amount + ", over " + cap,
            {{"what", what},
             {"value", value.to_cents_string()},
             {"limit", limit.to_cents_string()},
             {"percent", percent}});
        result.severity = hit->severity;
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
    return rule;
}

} // namespace costgate::policy
