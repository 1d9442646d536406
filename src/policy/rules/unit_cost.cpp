#include "rule_kinds.hpp"
#include "rule_options.hpp"
#include "unconfirmed.hpp"

namespace costgate::policy {

namespace {

/// Caps the cost per 1,000 business units after the change: of the project (the run's
/// totals over the usage file's `unit_volumes.project`), or of each selected resource over
/// its own volume (`scope: resources`). `unit` limits the rule to volumes counted in that
/// unit. The same `warn_at_percent` tiers as budgets. A cost per 1,000 units over monthly
/// amounts that leave unpriced parts out is a lower bound: over the cap it fails, within
/// it the cap could not be confirmed, and without a volume (in the rule's unit) the cap
/// could not be judged; both at `when_incomplete`, never a silent pass.
class UnitCostRule final : public Rule {
  public:
    Money max_per_thousand;
    std::optional<std::string> unit;
    bool per_resource = false;
    std::vector<double> tiers;
    Severity incomplete_severity = Severity::warn;

    void evaluate(const EvaluationInput& input, std::vector<Finding>& findings) const override {
        if (!per_resource) {
            std::vector<const PricedResource*> left_out;
            for (const PricedResource& priced : input.estimate.resources)
                if (!priced.estimate.priced && priced.estimate.unknowns.after)
                    left_out.push_back(&priced);
            check(input, nullptr, "the project", input.estimate.unit_cost, left_out, findings);
            return;
        }
        for (const PricedResource& priced : input.estimate.resources)
            if (match.matches(priced.resource))
                check(input, &priced, priced.resource.address, priced.estimate.unit_cost,
                      priced.estimate.priced ? std::vector<const PricedResource*>{}
                                             : std::vector<const PricedResource*>{&priced},
                      findings);
    }

  private:
    std::string cap_text(const std::string& currency, const std::string& of_unit) const {
        return "the " + format_exact_money(max_per_thousand, currency) + " cap per 1,000 " +
               of_unit;
    }

    void check(const EvaluationInput& input, const PricedResource* priced, const std::string& who,
               const std::optional<UnitCost>& cost,
               const std::vector<const PricedResource*>& left_out,
               std::vector<Finding>& findings) const {
        const std::string& currency = input.currency;
        if (!cost || (unit && cost->volume.unit != *unit)) {
            const std::string wanted = unit ? *unit : "units";
            const std::string why = !cost ? "the usage file gives " + who +
                                                " no volume (unit_volumes." +
                                                (priced ? "resources" : "project") + ")"
                                          : "the usage file counts " + who + "'s volume in " +
                                                cost->volume.unit + ", not " + *unit;
            unjudged(priced,
                     "The cost per 1,000 " + wanted + " of " + who +
                         " could not be judged against " + cap_text(currency, wanted) + ": " + why,
                     findings);
            return;
        }
        const std::string label = per_thousand_label(cost->volume);
        // Nothing priced after the change counts as $0 known, so the cap is unconfirmed.
        const Money value = cost->after.value_or(Money{});
        const FigureUnknowns unknowns{cost->after_at_least || !cost->after, false};
        const std::string amount = (priced ? who + " costs " : std::string("The project costs ")) +
                                   (unknowns.more ? "at least " : "") +
                                   format_exact_money(value, currency) + " " + label + " (" +
                                   format_volume(cost->volume) + " a month)";
        const std::string cap = cap_text(currency, cost->volume.unit);
        if (const auto hit = check_threshold(value, max_per_thousand, tiers, severity)) {
            const std::string percent = hit->tier ? format_percent(*hit->tier) : "";
            Finding result = finding(priced,
                                     hit->tier ? amount + ", " + percent + " of " + cap
                                               : amount + ", over " + cap,
                                     {{"unit", cost->volume.unit},
                                      {"value", value.to_exact_string()},
                                      {"limit", max_per_thousand.to_exact_string()},
                                      {"percent", percent}});
            result.severity = hit->severity;
            findings.push_back(std::move(result));
        }
        if (!unconfirmed(value > max_per_thousand, unknowns))
            return;
        unjudged(priced,
                 amount + ", which could not be confirmed within " + cap + ": " +
                     unpriced_resources_text(left_out),
                 findings);
    }

    // A cap the estimate cannot settle. The message is always costgate's own: a policy's
    // `message:` speaks of caps reached.
    void unjudged(const PricedResource* priced, const std::string& text,
                  std::vector<Finding>& findings) const {
        Finding result = finding(priced, "");
        result.message = text;
        result.severity = incomplete_severity;
        findings.push_back(std::move(result));
    }
};

} // namespace

std::unique_ptr<Rule> parse_unit_cost(util::YamlMap& map) {
    auto rule = std::make_unique<UnitCostRule>();
    const auto cap = money_option(map, "max_cost_per_thousand");
    if (!cap)
        map.fail("unit_cost needs \"max_cost_per_thousand\" (the most 1,000 units may cost)");
    rule->max_per_thousand = *cap;
    rule->unit = map.optional_string("unit");
    if (rule->unit && rule->unit->empty())
        map.fail(map.get("unit"), "\"unit\" must not be empty");
    const auto scope = map.optional_string("scope").value_or("project");
    if (scope != "project" && scope != "resources")
        map.fail(map.get("scope"),
                 "\"scope\" must be project or resources, found \"" + scope + "\"");
    rule->per_resource = scope == "resources";
    if (!rule->per_resource && map.has("match"))
        map.fail(map.get("match"), "\"match\" selects resources: judge their own volumes with "
                                   "\"scope: resources\", or drop it to judge the project");
    rule->tiers = warn_tiers(map);
    rule->incomplete_severity = when_incomplete_option(map);
    return rule;
}

} // namespace costgate::policy
