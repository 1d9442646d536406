#include "costgate/pricing/usage.hpp"
#include "policy_fixtures.hpp"

using namespace costgate;
using namespace costgate::policy;
using namespace costgate::testing;

namespace {

const std::string k_project_cap = R"(rules:
  - id: cost-per-request
    kind: unit_cost
    max_cost_per_thousand: 0.50
    unit: requests
    warn_at_percent: [80]
)";

const std::string k_resource_cap = R"(rules:
  - id: cost-per-case
    kind: unit_cost
    scope: resources
    max_cost_per_thousand: 2
    match: {types: [azurerm_cognitive_deployment]}
    when_incomplete: info
)";

// Gives the run's estimate the volumes of `unit_volumes` (YAML text).
void add_volumes(PolicyRun& run, const std::string& unit_volumes) {
    pricing::add_unit_costs(
        run.estimate, pricing::Usage::parse("u.yaml", "version: 1\nunit_volumes:\n" + unit_volumes)
                          .unit_volumes());
}

} // namespace

TEST_CASE("unit_cost caps the project's cost per 1,000 units", "[policy][rules][unit_cost]") {
    PolicyRun run;
    run.add("aws_instance.api", "aws_instance", "{}", {}, Action::create, 1234.50);
    add_volumes(run, "  project: {unit: requests, monthly_units: 2000000}\n");
    // $1,234.50 / 2,000,000 requests × 1,000 = $0.61725, over the $0.50 cap.
    auto findings = run.evaluate(k_project_cap);
    REQUIRE(findings.size() == 1);
    CHECK(findings[0].severity == Severity::fail);
    CHECK_FALSE(findings[0].resource.has_value());
    CHECK(findings[0].message == "The project costs $0.61725 per 1,000 requests (2,000,000 "
                                 "requests a month), over the $0.50 cap per 1,000 requests");

    // At 3,000,000 requests: $0.4115, 82.3% of the cap, over the 80% tier: a warning.
    PolicyRun more;
    more.add("aws_instance.api", "aws_instance", "{}", {}, Action::create, 1234.50);
    add_volumes(more, "  project: {unit: requests, monthly_units: 3000000}\n");
    findings = more.evaluate(k_project_cap);
    REQUIRE(findings.size() == 1);
    CHECK(findings[0].severity == Severity::warn);
    CHECK(findings[0].message == "The project costs $0.4115 per 1,000 requests (3,000,000 "
                                 "requests a month), 80% of the $0.50 cap per 1,000 requests");

    // At 4,000,000 requests: $0.308625, under every tier: no finding.
    PolicyRun within;
    within.add("aws_instance.api", "aws_instance", "{}", {}, Action::create, 1234.50);
    add_volumes(within, "  project: {unit: requests, monthly_units: 4000000}\n");
    CHECK(within.evaluate(k_project_cap).empty());
}

TEST_CASE("unit_cost cannot pass in silence without a volume or on a lower bound",
          "[policy][rules][unit_cost][incomplete]") {
    PolicyRun none;
    none.add("aws_instance.api", "aws_instance", "{}", {}, Action::create, 100);
    auto findings = none.evaluate(k_project_cap);
    REQUIRE(findings.size() == 1);
    CHECK(findings[0].severity == Severity::warn);
    CHECK(
        findings[0].message ==
        "The cost per 1,000 requests of the project could not be judged against the $0.50 cap per "
        "1,000 requests: the usage file gives the project no volume (unit_volumes.project)");

    PolicyRun other_unit;
    other_unit.add("aws_instance.api", "aws_instance", "{}", {}, Action::create, 100);
    add_volumes(other_unit, "  project: {unit: cases resolved, monthly_units: 1000}\n");
    findings = other_unit.evaluate(k_project_cap);
    REQUIRE(findings.size() == 1);
    CHECK(
        findings[0].message ==
        "The cost per 1,000 requests of the project could not be judged against the $0.50 cap per "
        "1,000 requests: the usage file counts the project's volume in cases resolved, not "
        "requests");

    // $350 known of a partly priced total over 1,000,000 requests: at least $0.35, 70% of
    // the cap (under the 80% tier), within it but not confirmed; an unpriced part could put
    // it over.
    PolicyRun partial;
    partial.add_partial("aws_instance.api", "aws_instance", 350, "Storage (gp3)");
    add_volumes(partial, "  project: {unit: requests, monthly_units: 1000000}\n");
    findings = partial.evaluate(k_project_cap);
    REQUIRE(findings.size() == 1);
    CHECK(findings[0].severity == Severity::warn);
    CHECK(findings[0].message ==
          "The project costs at least $0.35 per 1,000 requests (1,000,000 requests a month), "
          "which could not be confirmed within the $0.50 cap per 1,000 requests: 1 resource not "
          "fully priced: aws_instance.api (Storage (gp3))");

    // A lower bound already over the cap fails, whatever the unpriced parts cost.
    PolicyRun over;
    over.add_partial("aws_instance.api", "aws_instance", 600, "Storage (gp3)");
    add_volumes(over, "  project: {unit: requests, monthly_units: 1000000}\n");
    findings = over.evaluate(k_project_cap);
    REQUIRE(findings.size() == 1);
    CHECK(findings[0].severity == Severity::fail);
    CHECK(findings[0].message == "The project costs at least $0.60 per 1,000 requests (1,000,000 "
                                 "requests a month), over the $0.50 cap per 1,000 requests");
}

TEST_CASE("unit_cost with scope resources caps each selected resource over its own volume",
          "[policy][rules][unit_cost]") {
    PolicyRun run;
    run.add("azurerm_cognitive_deployment.chat", "azurerm_cognitive_deployment", "{}", {},
            Action::create, 81);
    run.add("azurerm_cognitive_deployment.triage", "azurerm_cognitive_deployment", "{}", {},
            Action::create, 50);
    run.add("azurerm_cognitive_deployment.embeddings", "azurerm_cognitive_deployment", "{}", {},
            Action::create, 3);
    run.add("aws_instance.api", "aws_instance", "{}", {}, Action::create, 1000);
    add_volumes(run, R"(  resources:
    azurerm_cognitive_deployment.chat: {unit: cases resolved, monthly_units: 40000}
    azurerm_cognitive_deployment.triage: {unit: cases resolved, monthly_units: 50000}
    aws_instance.api: {unit: requests, monthly_units: 10}
)");
    const auto findings = run.evaluate(k_resource_cap);
    REQUIRE(findings.size() == 2);
    // $81.00 / 40,000 × 1,000 = $2.025, over $2; triage's $50 / 50,000 × 1,000 = $1 is within.
    CHECK(findings[0].resource == "azurerm_cognitive_deployment.chat");
    CHECK(findings[0].severity == Severity::fail);
    CHECK(findings[0].message ==
          "azurerm_cognitive_deployment.chat costs $2.025 per 1,000 cases resolved (40,000 cases "
          "resolved a month), over the $2.00 cap per 1,000 cases resolved");
    // A selected resource without a volume is named at when_incomplete; the instance, not
    // selected, is not judged despite its $100,000 per 1,000 requests.
    CHECK(findings[1].resource == "azurerm_cognitive_deployment.embeddings");
    CHECK(findings[1].severity == Severity::info);
    CHECK(findings[1].message ==
          "The cost per 1,000 units of azurerm_cognitive_deployment.embeddings could not be "
          "judged against the $2.00 cap per 1,000 units: the usage file gives "
          "azurerm_cognitive_deployment.embeddings no volume (unit_volumes.resources)");

    check_exemptions_apply(run, k_resource_cap, "cost-per-case",
                           "azurerm_cognitive_deployment.chat");
}

TEST_CASE("unit_cost options are checked", "[policy][rules][unit_cost]") {
    const auto parse = [](const std::string& rule) {
        return policy::parse_policy("p.yaml",
                                    "version: 1\nrules:\n  - id: u\n    kind: unit_cost\n" + rule);
    };
    CHECK_THROWS_WITH(parse("    unit: requests\n"),
                      Catch::Contains("unit_cost needs \"max_cost_per_thousand\""));
    CHECK_THROWS_WITH(parse("    max_cost_per_thousand: 1\n    scope: total\n"),
                      Catch::StartsWith("p.yaml:6:12: \"scope\" must be project or resources"));
    CHECK_THROWS_WITH(parse("    max_cost_per_thousand: 1\n    match: {types: [aws_*]}\n"),
                      Catch::StartsWith("p.yaml:6:12: \"match\" selects resources"));
    CHECK_THROWS_WITH(parse("    max_cost_per_thousand: -1\n"),
                      Catch::Contains("must be between 0"));
}
