#pragma once

#include "costgate/policy/evaluator.hpp"
#include "costgate/policy/policy.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace costgate::testing {

/// Resources with their estimates, evaluated against one policy on 2026-11-22.
struct PolicyRun {
    Estimate estimate;
    util::Date today{2026, 11, 22};

    /// Adds a resource whose after state is `after` (JSON text) and, when `monthly_after`
    /// is given, prices it (before is 0 for creates).
    Resource& add(const std::string& address, const std::string& type, const std::string& after,
                  std::map<std::string, std::string> tags = {}, Action action = Action::create,
                  std::optional<double> monthly_after = std::nullopt) {
        ResourceEstimate priced;
        if (monthly_after) {
            priced.monthly_before = Money::from_double(0);
            priced.monthly_after = Money::from_double(*monthly_after);
            priced.monthly_delta = Money::from_double(*monthly_after);
        } else {
            priced.priced = false;
            priced.notes.push_back("no price for " + type);
            priced.unpriced.push_back({type, "no price for " + type, ""});
            priced.unknowns = unknowns_of(action);
        }
        estimate.add(
            {make_resource(address, type, after, std::move(tags), action), std::move(priced)});
        return estimate.resources.back().resource;
    }

    /// Adds a resource whose priced components cost `known` a month after the change
    /// (before is 0) and whose component `missing` has no price.
    Resource& add_partial(const std::string& address, const std::string& type, double known,
                          const std::string& missing, Action action = Action::create) {
        ResourceEstimate priced;
        priced.priced = false;
        priced.partial = true;
        priced.monthly_before = Money::from_double(0);
        priced.monthly_after = Money::from_double(known);
        priced.monthly_delta = Money::from_double(known);
        priced.notes.push_back("no price for " + missing);
        priced.unpriced.push_back({missing, "no price for " + missing, ""});
        priced.unknowns = unknowns_of(action);
        estimate.add({make_resource(address, type, "{}", {}, action), std::move(priced)});
        return estimate.resources.back().resource;
    }

  private:
    static Resource make_resource(const std::string& address, const std::string& type,
                                  const std::string& after, std::map<std::string, std::string> tags,
                                  Action action) {
        Resource resource;
        if (type.find('_') == std::string::npos) {
            const auto k8s = parse_kubernetes_address(address);
            resource = kubernetes_resource(type, k8s->k8s_namespace, k8s->name);
        } else {
            resource.provider = type.substr(0, type.find('_'));
            resource.cloud = cloud_of_provider(resource.provider);
        }
        resource.address = address;
        resource.type = type;
        resource.file = resource.source == Source::kubernetes ? "k8s.yaml" : "plan.json";
        resource.line = 7;
        resource.action = action;
        resource.region = resource.source == Source::terraform ? "us-east-1" : "";
        resource.tags = std::move(tags);
        if (action != Action::remove)
            resource.after = JsonTree(nlohmann::json::parse(after));
        else
            resource.before = JsonTree(nlohmann::json::parse(after));
        return resource;
    }

    // What an unpriced part leaves out for a resource with `action`.
    static Unknowns unknowns_of(Action action) {
        const bool before = action != Action::create;
        const bool after = action != Action::remove;
        const bool unchanged = action == Action::no_op;
        return {before, after, after && !unchanged, before && !unchanged};
    }

  public:
    /// Findings of the policy `version: 1` + `rules_and_exemptions` (YAML text), sorted,
    /// with exemptions applied.
    std::vector<Finding> evaluate(const std::string& rules_and_exemptions) const {
        policy::Policy policy =
            policy::parse_policy("p.yaml", "version: 1\n" + rules_and_exemptions);
        policy.check_exemptions();
        return policy::evaluate_policy(policy, {estimate, today});
    }
};

/// Adds a component to the resource added last: `quantity` of `unit` at `unit_price`
/// from catalog row `key` (usage-based without a quantity).
inline void add_component(PolicyRun& run, const std::string& unit, std::optional<double> quantity,
                          double unit_price, const std::string& key) {
    CostComponent component;
    component.name = key;
    component.unit = unit;
    component.monthly_quantity = quantity;
    component.unit_price = unit_price;
    if (quantity)
        component.monthly_cost = Money::from_double(*quantity * unit_price);
    component.usage_based = unit == "1M tokens";
    component.price_key = key;
    run.estimate.resources.back().estimate.components.push_back(component);
}

/// Findings of rule `id` only.
inline std::vector<Finding> of_rule(const std::vector<Finding>& findings, const std::string& id) {
    std::vector<Finding> selected;
    for (const Finding& finding : findings)
        if (finding.rule == id)
            selected.push_back(finding);
    return selected;
}

/// Checks the exemption lifecycle of a rule that finds `resource` in `run`: an exemption
/// valid today marks the finding exempted; one that expired yesterday does not, and
/// produces an expired-exemption warning. `rules` is the `rules:` section declaring `id`.
inline void check_exemptions_apply(const PolicyRun& run, const std::string& rules,
                                   const std::string& id, const std::string& resource) {
    const std::string exemption = "exemptions:\n  - rule: " + id + "\n    resource: \"" + resource +
                                  "\"\n    reason: approved in FIN-1\n    expires: ";
    const auto valid = run.evaluate(rules + exemption + "2026-11-22\n");
    const auto exempted = of_rule(valid, id);
    REQUIRE(!exempted.empty());
    for (const Finding& finding : exempted)
        if (finding.resource.value_or("") == resource || resource == "*")
            CHECK(finding.exempted_by ==
                  std::optional<std::string>("approved in FIN-1 (expires 2026-11-22)"));
    CHECK(of_rule(valid, "expired-exemption").empty());

    const auto lapsed = run.evaluate(rules + exemption + "2026-11-21\n");
    for (const Finding& finding : of_rule(lapsed, id))
        CHECK_FALSE(finding.exempted_by);
    REQUIRE(of_rule(lapsed, "expired-exemption").size() == 1);
    CHECK(of_rule(lapsed, "expired-exemption")[0].severity == Severity::warn);
}

} // namespace costgate::testing
