#include "policy_fixtures.hpp"

using namespace costgate;
using namespace costgate::policy;
using namespace costgate::testing;

namespace {

CostTotals totals(double before, double after) {
    CostTotals result;
    result.monthly_before = Money::from_double(before);
    result.monthly_after = Money::from_double(after);
    result.monthly_delta = Money::from_double(after - before);
    return result;
}

} // namespace

TEST_CASE("budget limits the increase in percent of the spend before the change",
          "[policy][rules][budget]") {
    PolicyRun run;
    run.estimate.totals = totals(1000, 1300);
    const std::string rule =
        "rules:\n  - id: growth\n    kind: budget\n    max_delta_percent: 25\n";
    const auto findings = run.evaluate(rule);
    REQUIRE(findings.size() == 1);
    CHECK(findings[0].message == "Monthly increase of $300.00 is 30% of the $1000.00 before the "
                                 "change, over the 25% limit");
    CHECK_FALSE(findings[0].resource);
    CHECK(findings[0].file == "p.yaml");
    CHECK(findings[0].line == 3);

    run.estimate.totals = totals(1000, 1250);
    CHECK(run.evaluate(rule).empty());
    // From nothing, any increase is an infinite percentage: left to the absolute limits.
    run.estimate.totals = totals(0, 5000);
    CHECK(run.evaluate(rule).empty());
}

TEST_CASE("budget holds each cost centre and namespace to its own monthly budget",
          "[policy][rules][budget]") {
    PolicyRun run;
    run.estimate.by_cost_centre["cc-100"] = totals(0, 2500);
    run.estimate.by_cost_centre["cc-200"] = totals(0, 1600);
    run.estimate.by_namespace["team-a"] = totals(0, 90);
    const auto findings = run.evaluate(R"(rules:
  - id: team-budgets
    kind: budget
    budgets: {cc-100: 2000, cc-200: 2000, cc-300: 100}
    namespace_budgets: {team-a: 100}
    warn_at_percent: [50, 75]
)");
    REQUIRE(findings.size() == 3);
    CHECK(findings[0].message == "Monthly total of cost centre cc-100 of $2500.00 is over the "
                                 "$2000.00 budget");
    CHECK(findings[0].severity == Severity::fail);
    CHECK(findings[1].message == "Monthly total of cost centre cc-200 of $1600.00 has reached 75% "
                                 "of the $2000.00 budget");
    CHECK(findings[1].severity == Severity::warn);
    CHECK(findings[2].message == "Monthly total of namespace team-a of $90.00 has reached 75% of "
                                 "the $100.00 budget");
}

TEST_CASE("budget tiers never exceed the rule's own severity", "[policy][rules][budget]") {
    PolicyRun run;
    run.estimate.totals = totals(0, 90);
    const auto findings = run.evaluate("rules:\n  - id: b\n    kind: budget\n"
                                       "    max_monthly_total: 100\n    warn_at_percent: [50, 75]\n"
                                       "    severity: info\n");
    REQUIRE(findings.size() == 1);
    CHECK(findings[0].severity == Severity::info);
}

TEST_CASE("budget findings can be exempted until the exemption expires",
          "[policy][rules][budget]") {
    PolicyRun run;
    run.estimate.totals = totals(0, 500);
    check_exemptions_apply(run, "rules:\n  - id: b\n    kind: budget\n    max_monthly_total: 100\n",
                           "b", "*");
}

TEST_CASE("budget may count autoscaled workloads at their maximum replicas",
          "[policy][rules][budget]") {
    PolicyRun run;
    run.add("web/Deployment/api", "Deployment", "{}", {}, Action::create, 100);
    run.estimate.resources.back().estimate.monthly_after_max = Money::from_double(400);
    run.estimate.totals = totals(0, 100);
    run.estimate.by_namespace["web"] = totals(0, 100);
    const std::string rule = "rules:\n  - id: b\n    kind: budget\n    max_monthly_total: 300\n"
                             "    namespace_budgets: {web: 300}\n";
    CHECK(run.evaluate(rule).empty());
    const auto findings = run.evaluate(rule + "    replicas: max\n");
    REQUIRE(findings.size() == 2);
    CHECK(findings[0].message == "Monthly total of $400.00 is over the $300.00 budget");
    CHECK(findings[1].message ==
          "Monthly total of namespace web of $400.00 is over the $300.00 budget");
}
