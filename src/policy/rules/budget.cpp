#include "rule_kinds.hpp"
#include "rule_options.hpp"

#include <map>

namespace costgate::policy {

namespace {

/// Thresholds on the run's monthly spend: the total after the change, the increase, the
/// increase in percent, and per cost centre or namespace budgets on their monthly total.
/// Going over a limit gives the rule's severity; `warn_at_percent` tiers flag spend as it
/// approaches a limit (the highest tier reached warns, lower ones inform).
class Budget final : public Rule {
  public:
    std::optional<Money> max_monthly_total;
    std::optional<Money> max_monthly_delta;
    std::optional<double> max_delta_percent;
    std::map<std::string, Money> cost_centre_budgets;
    std::map<std::string, Money> namespace_budgets;
    std::vector<double> tiers;
    bool at_max = false;

    void evaluate(const EvaluationInput& input, std::vector<Finding>& findings) const override {
        const CostTotals totals = at_max ? totals_at_max(input.estimate) : input.estimate.totals;
        if (max_monthly_total)
            check("Monthly total", "total", totals.monthly_after, *max_monthly_total, findings);
        if (max_monthly_delta)
            check("Monthly increase", "total", totals.monthly_delta, *max_monthly_delta, findings);
        if (max_delta_percent)
            check_percent(totals, findings);
        if (!cost_centre_budgets.empty())
            check_groups("cost centre", groups(input, false), cost_centre_budgets, findings);
        if (!namespace_budgets.empty())
            check_groups("namespace", groups(input, true), namespace_budgets, findings);
    }

  private:
    // The run's totals with every workload an HPA scales at its maximum replicas.
    static CostTotals totals_at_max(const Estimate& estimate) {
        CostTotals totals = estimate.totals;
        for (const PricedResource& priced : estimate.resources) {
            const ResourceEstimate& resource = priced.estimate;
            if (resource.priced && resource.monthly_after_max && resource.monthly_after) {
                const Money extra = *resource.monthly_after_max - *resource.monthly_after;
                totals.monthly_after += extra;
                totals.monthly_delta += extra;
            }
        }
        return totals;
    }

    // Cost centre or namespace totals, with HPA-scaled workloads at their maximum when asked.
    std::map<std::string, CostTotals> groups(const EvaluationInput& input, bool namespaces) const {
        std::map<std::string, CostTotals> result =
            namespaces ? input.estimate.by_namespace : input.estimate.by_cost_centre;
        if (!at_max)
            return result;
        for (const PricedResource& priced : input.estimate.resources) {
            const Resource& resource = priced.resource;
            const ResourceEstimate& estimate = priced.estimate;
            if (!estimate.priced || !estimate.monthly_after_max || !estimate.monthly_after ||
                (namespaces && resource.source != Source::kubernetes))
                continue;
            const auto centre = resource.tags.find(input.estimate.cost_centre_tag);
            const std::string key = namespaces                      ? resource.k8s_namespace
                                    : centre == resource.tags.end() ? "(untagged)"
                                                                    : centre->second;
            const Money extra = *estimate.monthly_after_max - *estimate.monthly_after;
            result[key].monthly_after += extra;
            result[key].monthly_delta += extra;
        }
        return result;
    }

    void check(const std::string& what, const std::string& scope, Money value, Money limit,
               std::vector<Finding>& findings) const {
        const auto hit = check_threshold(value, limit, tiers, severity);
        if (!hit)
            return;
        const std::string amount = what + " of $" + value.to_cents_string();
        const std::string budget = "the $" + limit.to_cents_string() + " budget";
        const std::string percent = hit->tier ? format_percent(*hit->tier) : "";
        Finding result = finding(nullptr,
                                 hit->tier ? amount + " has reached " + percent + " of " + budget
                                           : amount + " is over " + budget,
                                 {{"what", what},
                                  {"value", value.to_cents_string()},
                                  {"limit", limit.to_cents_string()},
                                  {"percent", percent},
                                  {"scope", scope}});
        result.severity = hit->severity;
        findings.push_back(std::move(result));
    }

    // A percentage of nothing is undefined: a run that starts from $0 is left to the
    // absolute limits.
    void check_percent(const CostTotals& totals, std::vector<Finding>& findings) const {
        if (totals.monthly_before.micros() <= 0)
            return;
        const double percent = 100.0 * static_cast<double>(totals.monthly_delta.micros()) /
                               static_cast<double>(totals.monthly_before.micros());
        if (percent <= *max_delta_percent + 1e-9)
            return;
        findings.push_back(finding(
            nullptr,
            "Monthly increase of $" + totals.monthly_delta.to_cents_string() + " is " +
                format_percent(percent) + " of the $" + totals.monthly_before.to_cents_string() +
                " before the change, over the " + format_percent(*max_delta_percent) + " limit",
            {{"what", "Monthly increase"},
             {"value", format_percent(percent)},
             {"limit", format_percent(*max_delta_percent)},
             {"percent", format_percent(percent)},
             {"scope", "total"}}));
    }

    void check_groups(const std::string& group, const std::map<std::string, CostTotals>& groups,
                      const std::map<std::string, Money>& budgets,
                      std::vector<Finding>& findings) const {
        for (const auto& [name, limit] : budgets) {
            const auto found = groups.find(name);
            const Money spend = found == groups.end() ? Money() : found->second.monthly_after;
            check("Monthly total of " + group + " " + name, name, spend, limit, findings);
        }
    }
};

std::map<std::string, Money> group_budgets(util::YamlMap& map, const std::string& key) {
    std::map<std::string, Money> budgets;
    const YAML::Node node = map.get(key);
    if (!node.IsDefined() || node.IsNull())
        return budgets;
    util::YamlMap entries(map.file(), node, "\"" + key + "\"");
    for (const auto& entry : entries.entries()) {
        const std::string name = entry.first.Scalar();
        const auto limit = money_option(entries, name);
        if (!limit)
            entries.fail(entry.second, "the budget of \"" + name + "\" must be an amount");
        budgets[name] = *limit;
    }
    entries.finish();
    return budgets;
}

} // namespace

std::unique_ptr<Rule> parse_budget(util::YamlMap& map) {
    auto rule = std::make_unique<Budget>();
    rule->max_monthly_total = money_option(map, "max_monthly_total");
    rule->max_monthly_delta = money_option(map, "max_monthly_delta");
    rule->max_delta_percent = map.optional_number("max_delta_percent");
    if (rule->max_delta_percent && (*rule->max_delta_percent < 0 || *rule->max_delta_percent > 1e6))
        map.fail(map.get("max_delta_percent"), "\"max_delta_percent\" must be from 0 to 1,000,000");
    rule->cost_centre_budgets = group_budgets(map, "budgets");
    rule->namespace_budgets = group_budgets(map, "namespace_budgets");
    if (!rule->max_monthly_total && !rule->max_monthly_delta && !rule->max_delta_percent &&
        rule->cost_centre_budgets.empty() && rule->namespace_budgets.empty())
        map.fail("budget needs at least one of \"max_monthly_total\", \"max_monthly_delta\", "
                 "\"max_delta_percent\", \"budgets\" or \"namespace_budgets\"");
    rule->tiers = warn_tiers(map);
    rule->at_max = at_max_replicas(map);
    if (const auto scope = map.optional_string("scope")) {
        if (*scope != "project" && *scope != "total")
            map.fail(map.get("scope"),
                     "\"scope\" must be project or total, found \"" + *scope + "\"");
        rule->judges_total = *scope == "total";
    }
    return rule;
}

} // namespace costgate::policy
