#include "rule_kinds.hpp"

#include <algorithm>
#include <cmath>

namespace costgate {

namespace {

/// Thresholds on the run's monthly total (after) and monthly delta. Going over a limit
/// gives the rule's severity; with `warn_at_percent`, reaching the highest tier below
/// 100% gives a warning and lower tiers an info, so spend is flagged as it approaches.
class Budget final : public Rule {
  public:
    std::optional<Money> max_monthly_total;
    std::optional<Money> max_monthly_delta;
    std::vector<double> warn_at_percent;

    void evaluate(const EvaluationInput& input, std::vector<Finding>& findings) const override {
        const CostTotals& totals = input.estimate.totals;
        if (max_monthly_total)
            check("Monthly total", totals.monthly_after, *max_monthly_total, findings);
        if (max_monthly_delta)
            check("Monthly increase", totals.monthly_delta, *max_monthly_delta, findings);
    }

  private:
    void check(const std::string& what, Money value, Money limit,
               std::vector<Finding>& findings) const {
        const std::string amount = what + " of $" + value.to_cents_string();
        const std::string budget = "the $" + limit.to_cents_string() + " budget";
        if (value > limit) {
            findings.push_back(finding(nullptr, amount + " is over " + budget));
            return;
        }
        if (limit.micros() <= 0)
            return;
        const double percent =
            100.0 * static_cast<double>(value.micros()) / static_cast<double>(limit.micros());
        for (std::size_t i = warn_at_percent.size(); i-- > 0;) {
            if (percent + 1e-9 < warn_at_percent[i])
                continue;
            Finding tier =
                finding(nullptr, amount + " has reached " + format_percent(warn_at_percent[i]) +
                                     " of " + budget);
            tier.severity = i + 1 == warn_at_percent.size() ? Severity::warn : Severity::info;
            findings.push_back(std::move(tier));
            return;
        }
    }

    static std::string format_percent(double percent) {
        const double rounded = std::round(percent);
        return (rounded == percent ? std::to_string(static_cast<long>(rounded))
                                   : std::to_string(percent)) +
               "%";
    }
};

std::optional<Money> read_limit(YamlMap& map, const std::string& key) {
    const auto value = map.optional_number(key);
    if (!value)
        return std::nullopt;
    if (*value < 0 || *value > 1e12)
        map.fail(map.get(key), "\"" + key + "\" must be between 0 and 1,000,000,000,000");
    return Money::from_double(*value);
}

} // namespace

std::unique_ptr<Rule> parse_budget(YamlMap& map) {
    auto rule = std::make_unique<Budget>();
    rule->max_monthly_total = read_limit(map, "max_monthly_total");
    rule->max_monthly_delta = read_limit(map, "max_monthly_delta");
    if (!rule->max_monthly_total && !rule->max_monthly_delta)
        map.fail("budget needs \"max_monthly_total\" or \"max_monthly_delta\"");
    const YAML::Node tiers = map.get("warn_at_percent");
    if (tiers.IsDefined() && !tiers.IsNull()) {
        if (!tiers.IsSequence())
            map.fail(tiers, "\"warn_at_percent\" must be a list of percentages");
        for (const YAML::Node& tier : tiers) {
            const double percent = yaml_number(map, tier, "a warn_at_percent entry");
            if (percent <= 0 || percent > 100)
                map.fail(tier, "warn_at_percent entries must be above 0 and at most 100");
            // 100% is the limit itself, which the rule's severity already covers.
            if (percent < 100)
                rule->warn_at_percent.push_back(percent);
        }
        std::sort(rule->warn_at_percent.begin(), rule->warn_at_percent.end());
    }
    return rule;
}

} // namespace costgate
