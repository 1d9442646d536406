#include "rule_kinds.hpp"
#include "rule_options.hpp"
#include "unconfirmed.hpp"

#include <map>

namespace costgate::policy {

namespace {

/// The monthly figure a budget judges.
enum class Figure { after, delta, percent };

// Which way the unpriced parts of `totals` may move `figure`. A percentage of the spend
// before the change may be less when that spend leaves something out.
FigureUnknowns figure_unknowns(const CostTotals& totals, Figure figure) {
    const Unknowns& unknowns = totals.unknowns;
    switch (figure) {
    case Figure::after:
        return {unknowns.after, false};
    case Figure::delta:
        return {unknowns.delta_up, unknowns.delta_down};
    case Figure::percent:
        return {unknowns.delta_up, unknowns.delta_down || unknowns.before};
    }
    return {};
}

bool leaves_out(const Unknowns& unknowns, Figure figure) {
    switch (figure) {
    case Figure::after:
        return unknowns.after;
    case Figure::delta:
        return unknowns.delta_up || unknowns.delta_down;
    case Figure::percent:
        return unknowns.delta_up || unknowns.delta_down || unknowns.before;
    }
    return false;
}

// The cost centre or namespace a resource's spend counts in; nullopt for a namespace
// budget and a resource outside Kubernetes.
std::optional<std::string> group_of(const Resource& resource, bool namespaces,
                                    const std::string& cost_centre_tag) {
    if (namespaces)
        return resource.source == Source::kubernetes ? std::optional(resource.k8s_namespace)
                                                     : std::nullopt;
    const auto centre = resource.tags.find(cost_centre_tag);
    return centre == resource.tags.end() ? "(untagged)" : centre->second;
}

/// A budget's scope: the whole run, or one cost centre or namespace.
struct Scope {
    std::string name = "total";
    bool namespaces = false;
    bool whole_run = true;
};

/// Thresholds on the run's monthly spend: the total after the change, the increase, the
/// increase in percent, and per cost centre or namespace budgets on their monthly total.
/// Going over a limit gives the rule's severity; `warn_at_percent` tiers flag spend as it
/// approaches a limit (the highest tier reached warns, lower ones inform). On an estimate
/// that leaves unpriced parts out, a lower bound over a limit still fails, and a figure
/// the unpriced parts could move across its limit gives a finding at `when_incomplete`.
class Budget final : public Rule {
  public:
    std::optional<Money> max_monthly_total;
    std::optional<Money> max_monthly_delta;
    std::optional<double> max_delta_percent;
    std::map<std::string, Money> cost_centre_budgets;
    std::map<std::string, Money> namespace_budgets;
    std::vector<double> tiers;
    bool at_max = false;
    Severity incomplete_severity = Severity::warn;

    void evaluate(const EvaluationInput& input, std::vector<Finding>& findings) const override {
        const CostTotals totals = at_max ? totals_at_max(input.estimate) : input.estimate.totals;
        if (max_monthly_total)
            check(input, "Monthly total", Scope(), totals, Figure::after, *max_monthly_total,
                  findings);
        if (max_monthly_delta)
            check(input, "Monthly increase", Scope(), totals, Figure::delta, *max_monthly_delta,
                  findings);
        if (max_delta_percent)
            check_percent(input, totals, findings);
        if (!cost_centre_budgets.empty())
            check_groups(input, false, cost_centre_budgets, findings);
        if (!namespace_budgets.empty())
            check_groups(input, true, namespace_budgets, findings);
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
            const ResourceEstimate& estimate = priced.estimate;
            const auto key = group_of(priced.resource, namespaces, input.estimate.cost_centre_tag);
            if (!estimate.priced || !estimate.monthly_after_max || !estimate.monthly_after || !key)
                continue;
            const Money extra = *estimate.monthly_after_max - *estimate.monthly_after;
            result[*key].monthly_after += extra;
            result[*key].monthly_delta += extra;
        }
        return result;
    }

    // The resources in `scope` whose unpriced parts `figure` leaves out, in report order.
    static std::vector<const PricedResource*> left_out(const EvaluationInput& input,
                                                       const Scope& scope, Figure figure) {
        std::vector<const PricedResource*> resources;
        for (const PricedResource& priced : input.estimate.resources) {
            if (priced.estimate.priced || !leaves_out(priced.estimate.unknowns, figure))
                continue;
            if (!scope.whole_run && group_of(priced.resource, scope.namespaces,
                                             input.estimate.cost_centre_tag) != scope.name)
                continue;
            resources.push_back(&priced);
        }
        return resources;
    }

    void check(const EvaluationInput& input, const std::string& what, const Scope& scope,
               const CostTotals& totals, Figure figure, Money limit,
               std::vector<Finding>& findings) const {
        const Money value = figure == Figure::after ? totals.monthly_after : totals.monthly_delta;
        const FigureUnknowns unknowns = figure_unknowns(totals, figure);
        const std::string amount = what + " of " + figure_text(value, unknowns, input.currency);
        const std::string budget = "the " + format_money(limit, input.currency) + " budget";
        const MessageValues values = {{"what", what},
                                      {"value", value.to_cents_string()},
                                      {"limit", limit.to_cents_string()},
                                      {"scope", scope.name}};
        if (thresholds_apply(unknowns))
            if (const auto hit = check_threshold(value, limit, tiers, severity)) {
                const std::string percent = hit->tier ? format_percent(*hit->tier) : "";
                MessageValues hit_values = values;
                hit_values.emplace_back("percent", percent);
                Finding result =
                    finding(nullptr,
                            hit->tier ? amount + " has reached " + percent + " of " + budget
                                      : amount + " is over " + budget,
                            hit_values);
                result.severity = hit->severity;
                findings.push_back(std::move(result));
            }
        if (unconfirmed(value > limit, unknowns))
            report_unconfirmed(amount + " could not be confirmed " +
                                   (value > limit ? "over " : "within ") + budget,
                               left_out(input, scope, figure), findings);
    }

    // A budget the unpriced parts could move across its limit. The message is always
    // costgate's own: a policy's `message:` speaks of limits reached.
    void report_unconfirmed(const std::string& text,
                            const std::vector<const PricedResource*>& resources,
                            std::vector<Finding>& findings) const {
        Finding result = finding(nullptr, "");
        result.message = text + ": " + unpriced_resources_text(resources);
        result.severity = incomplete_severity;
        findings.push_back(std::move(result));
    }

    // A percentage of nothing is undefined: a run that starts from $0 is left to the
    // absolute limits, unless the spend before the change is unpriced.
    void check_percent(const EvaluationInput& input, const CostTotals& totals,
                       std::vector<Finding>& findings) const {
        const FigureUnknowns unknowns = figure_unknowns(totals, Figure::percent);
        const std::string limit = format_percent(*max_delta_percent);
        if (totals.monthly_before.micros() <= 0) {
            if (totals.unknowns.before)
                report_unconfirmed("Monthly increase in percent could not be judged against the " +
                                       limit + " limit: the spend before the change is unpriced",
                                   left_out(input, Scope(), Figure::percent), findings);
            return;
        }
        const double percent = 100.0 * static_cast<double>(totals.monthly_delta.micros()) /
                               static_cast<double>(totals.monthly_before.micros());
        const bool over = percent > *max_delta_percent + 1e-9;
        const std::string increase =
            "Monthly increase of " + figure_text(totals.monthly_delta, unknowns, input.currency) +
            " is " + format_percent(percent) + " of the " +
            format_money(totals.monthly_before, input.currency) + " before the change";
        if (over && thresholds_apply(unknowns))
            findings.push_back(finding(nullptr, increase + ", over the " + limit + " limit",
                                       {{"what", "Monthly increase"},
                                        {"value", format_percent(percent)},
                                        {"limit", limit},
                                        {"percent", format_percent(percent)},
                                        {"scope", "total"}}));
        if (unconfirmed(over, unknowns))
            report_unconfirmed(increase + ", which could not be confirmed " +
                                   (over ? "over" : "within") + " the " + limit + " limit",
                               left_out(input, Scope(), Figure::percent), findings);
    }

    void check_groups(const EvaluationInput& input, bool namespaces,
                      const std::map<std::string, Money>& budgets,
                      std::vector<Finding>& findings) const {
        const std::map<std::string, CostTotals> totals = groups(input, namespaces);
        const std::string group = namespaces ? "namespace" : "cost centre";
        for (const auto& [name, limit] : budgets) {
            const auto found = totals.find(name);
            check(input, "Monthly total of " + group + " " + name, {name, namespaces, false},
                  found == totals.end() ? CostTotals() : found->second, Figure::after, limit,
                  findings);
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
    rule->incomplete_severity = when_incomplete_option(map);
    if (const auto scope = map.optional_string("scope")) {
        if (*scope != "project" && *scope != "total")
            map.fail(map.get("scope"),
                     "\"scope\" must be project or total, found \"" + *scope + "\"");
        rule->judges_total = *scope == "total";
    }
    return rule;
}

} // namespace costgate::policy
