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
    CHECK(findings[0].message == "Monthly increase of $300.00 is 30% of the $1,000.00 before the "
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
    CHECK(findings[0].message == "Monthly total of cost centre cc-100 of $2,500.00 is over the "
                                 "$2,000.00 budget");
    CHECK(findings[0].severity == Severity::fail);
    CHECK(findings[1].message == "Monthly total of cost centre cc-200 of $1,600.00 has reached 75% "
                                 "of the $2,000.00 budget");
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

TEST_CASE("budget on an incomplete estimate under the limit is never a silent pass",
          "[policy][rules][budget][incomplete]") {
    PolicyRun run;
    // 730 hours x 2 x $0.178 (db.m5.large PostgreSQL, Multi-AZ) = $259.88 known; gp3
    // storage unpriced.
    run.add_partial("aws_db_instance.db", "aws_db_instance", 259.88, "Storage (gp3)");
    run.add("aws_instance.app", "aws_instance", "{}", {}, Action::create, 70.08);
    const std::string rule = "rules:\n  - id: increase\n    kind: budget\n"
                             "    max_monthly_delta: 1000\n";
    const auto findings = run.evaluate(rule);
    REQUIRE(findings.size() == 1);
    CHECK(findings[0].severity == Severity::warn);
    CHECK(findings[0].message ==
          "Monthly increase of at least $329.96 could not be confirmed within the $1,000.00 "
          "budget: 1 resource not fully priced: aws_db_instance.db (Storage (gp3))");
    CHECK_FALSE(findings[0].resource);
    CHECK(findings[0].line == 3);

    SECTION("the rule sets the severity") {
        for (const auto& [text, severity] : {std::pair{"fail", Severity::fail},
                                             {"warn", Severity::warn},
                                             {"info", Severity::info}}) {
            const auto set = run.evaluate(rule + "    when_incomplete: " + text + "\n");
            REQUIRE(set.size() == 1);
            CHECK(set[0].severity == severity);
        }
    }
    SECTION("a wrong severity names its line") {
        CHECK_THROWS_WITH(run.evaluate(rule + "    when_incomplete: maybe\n"),
                          Catch::Contains("p.yaml:6") &&
                              Catch::Contains("\"when_incomplete\" must be info, warn or fail"));
    }
    SECTION("an author's message template is kept for limits reached, not for this") {
        const auto own = run.evaluate(rule + "    message: \"Over budget: {value}\"\n");
        REQUIRE(own.size() == 1);
        CHECK(own[0].message.starts_with("Monthly increase of at least $329.96"));
    }
}

TEST_CASE("budget fails a lower bound over the limit as it fails a whole figure",
          "[policy][rules][budget][incomplete]") {
    PolicyRun run;
    run.add_partial("google_compute_instance.gpu", "google_compute_instance", 277.40,
                    "GPUs (1 x nvidia-tesla-t4)");
    const auto findings =
        run.evaluate("rules:\n  - id: increase\n    kind: budget\n    max_monthly_total: 200\n"
                     "    max_monthly_delta: 400\n    warn_at_percent: [50]\n");
    REQUIRE(findings.size() == 3);
    // At 69% of $400: the tier is reached for certain, the limit may or may not be.
    CHECK(findings[0].message ==
          "Monthly increase of at least $277.40 could not be confirmed within the $400.00 "
          "budget: 1 resource not fully priced: google_compute_instance.gpu (GPUs (1 x "
          "nvidia-tesla-t4))");
    CHECK(findings[0].severity == Severity::warn);
    CHECK(findings[1].message ==
          "Monthly increase of at least $277.40 has reached 50% of the $400.00 budget");
    // Over $200: whatever the GPU costs, the total is over.
    CHECK(findings[2].message == "Monthly total of at least $277.40 is over the $200.00 budget");
    CHECK(findings[2].severity == Severity::fail);
}

TEST_CASE("budget judges what unpriced deletions leave out of the increase",
          "[policy][rules][budget][incomplete]") {
    PolicyRun run;
    run.add("aws_instance.new", "aws_instance", "{}", {}, Action::create, 1200);
    // Removing an unpriced resource can only lower the increase.
    run.add("aws_quantum_computer.old", "aws_quantum_computer", "{}", {}, Action::remove);
    CHECK(
        run.evaluate("rules:\n  - id: i\n    kind: budget\n    max_monthly_delta: 2000\n").empty());
    const auto over =
        run.evaluate("rules:\n  - id: i\n    kind: budget\n    max_monthly_delta: 1000\n");
    REQUIRE(over.size() == 1);
    CHECK(over[0].message == "Monthly increase of at most $1,200.00 could not be confirmed over "
                             "the $1,000.00 budget: 1 resource not fully priced: "
                             "aws_quantum_computer.old (aws_quantum_computer)");
    CHECK(over[0].severity == Severity::warn);
    // The total after the change leaves nothing out: it is judged as usual.
    CHECK(
        run.evaluate("rules:\n  - id: t\n    kind: budget\n    max_monthly_total: 2000\n").empty());
}

TEST_CASE("budget leaves unchanged unpriced resources out of the increase",
          "[policy][rules][budget][incomplete]") {
    PolicyRun run;
    run.add("aws_instance.new", "aws_instance", "{}", {}, Action::create, 100);
    run.add("aws_quantum_computer.old", "aws_quantum_computer", "{}", {}, Action::no_op);
    // Its cost is the same before and after: the increase is whole.
    CHECK(
        run.evaluate("rules:\n  - id: i\n    kind: budget\n    max_monthly_delta: 1000\n").empty());
    // Not so the total.
    const auto total =
        run.evaluate("rules:\n  - id: t\n    kind: budget\n    max_monthly_total: 1000\n");
    REQUIRE(total.size() == 1);
    CHECK(total[0].message == "Monthly total of at least $100.00 could not be confirmed within "
                              "the $1,000.00 budget: 1 resource not fully priced: "
                              "aws_quantum_computer.old (aws_quantum_computer)");
}

TEST_CASE("budget lists a few unpriced resources and counts the rest",
          "[policy][rules][budget][incomplete]") {
    PolicyRun run;
    for (int i = 1; i <= 7; ++i)
        run.add("aws_quantum_computer.q" + std::to_string(i), "aws_quantum_computer", "{}");
    const auto findings =
        run.evaluate("rules:\n  - id: i\n    kind: budget\n    max_monthly_delta: 1000\n");
    REQUIRE(findings.size() == 1);
    CHECK(findings[0].message ==
          "Monthly increase of at least $0.00 could not be confirmed within the $1,000.00 budget: "
          "7 resources not fully priced: aws_quantum_computer.q1 (aws_quantum_computer), "
          "aws_quantum_computer.q2 (aws_quantum_computer), aws_quantum_computer.q3 "
          "(aws_quantum_computer), aws_quantum_computer.q4 (aws_quantum_computer), "
          "aws_quantum_computer.q5 (aws_quantum_computer) and 2 more");
}

TEST_CASE("cost centre budgets name the unpriced resources of their own cost centre",
          "[policy][rules][budget][incomplete]") {
    PolicyRun run;
    run.estimate.cost_centre_tag = "cost-centre";
    run.add("aws_instance.a", "aws_instance", "{}", {{"cost-centre", "cc-1"}}, Action::create, 50);
    run.add("aws_quantum_computer.a", "aws_quantum_computer", "{}", {{"cost-centre", "cc-1"}});
    run.add("aws_quantum_computer.b", "aws_quantum_computer", "{}", {{"cost-centre", "cc-2"}});
    const auto findings =
        run.evaluate("rules:\n  - id: c\n    kind: budget\n    budgets: {cc-1: 100}\n");
    REQUIRE(findings.size() == 1);
    CHECK(findings[0].message ==
          "Monthly total of cost centre cc-1 of at least $50.00 could not be confirmed within the "
          "$100.00 budget: 1 resource not fully priced: aws_quantum_computer.a "
          "(aws_quantum_computer)");
}
