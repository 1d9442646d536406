#include "policy_fixtures.hpp"

using namespace costgate;
using namespace costgate::policy;
using namespace costgate::testing;

namespace {

const std::string k_cap = R"(rules:
  - id: nonprod-cap
    kind: resource_cost
    max_monthly: 1000
    warn_at_percent: [50, 80]
    match: {tags: {env: [dev, staging]}}
)";

} // namespace

TEST_CASE("resource_cost caps each resource's monthly cost, with warning tiers",
          "[policy][rules][resource_cost]") {
    PolicyRun run;
    run.add("aws_instance.big", "aws_instance", "{}", {{"env", "dev"}}, Action::create, 1200);
    run.add("aws_instance.near", "aws_instance", "{}", {{"env", "dev"}}, Action::create, 850);
    run.add("aws_instance.half", "aws_instance", "{}", {{"env", "staging"}}, Action::create, 500);
    run.add("aws_instance.small", "aws_instance", "{}", {{"env", "dev"}}, Action::create, 100);
    run.add("aws_instance.unpriced", "aws_instance", "{}", {{"env", "dev"}});
    const auto findings = run.evaluate(k_cap);
    REQUIRE(findings.size() == 3);
    CHECK(findings[0].resource == "aws_instance.big");
    CHECK(findings[0].severity == Severity::fail);
    CHECK(findings[0].message ==
          "aws_instance.big costs $1200.00 a month, over the $1000.00 cap per resource");
    CHECK(findings[1].resource == "aws_instance.half");
    CHECK(findings[1].severity == Severity::info);
    CHECK(findings[2].resource == "aws_instance.near");
    CHECK(findings[2].severity == Severity::warn);
    CHECK(findings[2].message ==
          "aws_instance.near costs $850.00 a month, 80% of the $1000.00 cap per resource");
}

TEST_CASE("resource_cost caps the monthly increase and ignores other resources",
          "[policy][rules][resource_cost]") {
    PolicyRun run;
    run.add("aws_instance.prod", "aws_instance", "{}", {{"env", "prod"}}, Action::create, 5000);
    CHECK(run.evaluate(k_cap).empty());
    const auto findings = run.evaluate(
        "rules:\n  - id: growth\n    kind: resource_cost\n    max_monthly_delta: 4000\n");
    REQUIRE(findings.size() == 1);
    CHECK(findings[0].message ==
          "aws_instance.prod adds $5000.00 a month, over the $4000.00 cap per resource");
}

TEST_CASE("resource_cost findings can be exempted until the exemption expires",
          "[policy][rules][resource_cost]") {
    PolicyRun run;
    run.add("aws_instance.big", "aws_instance", "{}", {{"env", "dev"}}, Action::create, 1200);
    check_exemptions_apply(run, k_cap, "nonprod-cap", "aws_instance.big");
}

TEST_CASE("resource_cost may judge autoscaled workloads at their maximum replicas",
          "[policy][rules][resource_cost]") {
    PolicyRun run;
    run.add("web/Deployment/api", "Deployment", "{}", {}, Action::create, 100);
    run.estimate.resources.back().estimate.monthly_after_max = Money::from_double(400);
    const std::string rule = "rules:\n  - id: cap\n    kind: resource_cost\n    max_monthly: 300\n";
    CHECK(run.evaluate(rule).empty());
    const auto findings = run.evaluate(rule + "    replicas: max\n");
    REQUIRE(findings.size() == 1);
    CHECK(findings[0].message == "web/Deployment/api costs $400.00 a month at its autoscaler's "
                                 "maximum, over the $300.00 cap per resource");
}
