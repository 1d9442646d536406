#include "costgate/policy/policy.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

using namespace costgate;
using namespace costgate::policy;

namespace {

Resource resource(const std::string& address, std::map<std::string, std::string> tags,
                  const std::string& after = R"({"tags": {}})") {
    Resource r;
    r.address = address;
    r.type = address.substr(0, address.find('.'));
    r.file = "plan.json";
    r.line = 12;
    r.tags = std::move(tags);
    r.after = JsonTree(nlohmann::json::parse(after));
    return r;
}

/// Runs every rule of `yaml` directly (no evaluator, so no sorting or exemptions).
/// `estimate`'s totals are kept as given; each resource comes with an empty estimate.
std::vector<Finding> run(const std::string& yaml, const std::vector<Resource>& resources,
                         Estimate estimate = {}) {
    for (const Resource& resource : resources)
        estimate.resources.push_back({resource, {}});
    const Policy policy = parse_policy("p.yaml", yaml);
    std::vector<Finding> findings;
    for (const auto& rule : policy.rules)
        rule->evaluate({estimate, util::Date{2026, 11, 22}}, findings);
    return findings;
}

Estimate with_delta(double delta) {
    Estimate estimate;
    estimate.totals.monthly_delta = Money::from_double(delta);
    return estimate;
}

const std::string k_tags =
    "version: 1\nrules:\n  - id: tags\n    kind: required_tags\n    tags: [cost-centre, team]\n";

std::string budget(const std::string& limits) {
    return "version: 1\nrules:\n  - id: budget\n    kind: budget\n" + limits +
           "    warn_at_percent: [50, 75]\n";
}

const std::string k_delta_budget = budget("    max_monthly_delta: 100\n");

} // namespace

TEST_CASE("required_tags reports each resource missing a tag once, naming the tags",
          "[policy][rules]") {
    const auto findings =
        run(k_tags,
            {resource("aws_instance.ok", {{"cost-centre", "cc"}, {"team", "t"}}),
             resource("aws_instance.none", {}), resource("aws_instance.half", {{"team", "t"}})});
    REQUIRE(findings.size() == 2);
    CHECK(findings[0].rule == "tags");
    CHECK(findings[0].severity == Severity::fail);
    CHECK(findings[0].resource == "aws_instance.none");
    CHECK(findings[0].message == "aws_instance.none is missing required tag(s): cost-centre, team");
    CHECK(findings[0].file == "plan.json");
    CHECK(findings[0].line == 12);
    CHECK(findings[1].resource == "aws_instance.half");
    CHECK(findings[1].message == "aws_instance.half is missing required tag(s): cost-centre");
}

TEST_CASE("required_tags counts an empty tag value as missing", "[policy][rules]") {
    const auto findings =
        run(k_tags, {resource("aws_instance.a", {{"cost-centre", ""}, {"team", "t"}})});
    REQUIRE(findings.size() == 1);
    CHECK(findings[0].message == "aws_instance.a is missing required tag(s): cost-centre");
}

TEST_CASE("required_tags uses the rule's severity", "[policy][rules]") {
    const auto findings = run(k_tags + "    severity: info\n", {resource("aws_instance.a", {})});
    REQUIRE(findings.size() == 1);
    CHECK(findings[0].severity == Severity::info);
}

TEST_CASE("required_tags skips resources that cannot carry tags", "[policy][rules]") {
    CHECK(run(k_tags, {resource("aws_route.r", {}, R"({"cidr": "0.0.0.0/0"})")}).empty());
    Resource no_state = resource("aws_instance.a", {});
    no_state.after.reset();
    CHECK(run(k_tags, {no_state}).empty());

    SECTION("tags, tags_all and labels all make a resource taggable") {
        for (const char* after : {R"({"tags": null})", R"({"tags_all": {}})", R"({"labels": {}})"})
            CHECK(run(k_tags, {resource("aws_instance.a", {}, after)}).size() == 1);
    }
    SECTION("a delete is judged on the state before it") {
        Resource gone = resource("aws_instance.gone", {});
        gone.action = Action::remove;
        gone.before = gone.after;
        gone.after.reset();
        CHECK(run(k_tags + "    match: {actions: [delete]}\n", {gone}).size() == 1);
    }
}

TEST_CASE("Kubernetes resources can always carry labels", "[policy][rules]") {
    Resource deployment = kubernetes_resource("Deployment", "default", "web");
    deployment.after = JsonTree(nlohmann::json::object());
    CHECK(run(k_tags, {deployment}).size() == 1);
    deployment.after.reset();
    CHECK(run(k_tags, {deployment}).size() == 1);
}

TEST_CASE("required_tags checks only the resources its match selects", "[policy][rules]") {
    const Resource instance = resource("aws_instance.a", {});
    SECTION("by type") {
        CHECK(run(k_tags + "    match: {types: [\"google_*\"]}\n", {instance}).empty());
        CHECK(run(k_tags + "    match: {types: [\"aws_*\"]}\n", {instance}).size() == 1);
    }
    SECTION("by action, which by default leaves unchanged and deleted resources alone") {
        for (const Action action : {Action::no_op, Action::remove, Action::read}) {
            Resource unchanged = instance;
            unchanged.action = action;
            CHECK(run(k_tags, {unchanged}).empty());
        }
        for (const Action action : {Action::create, Action::update, Action::replace}) {
            Resource changed = instance;
            changed.action = action;
            CHECK(run(k_tags, {changed}).size() == 1);
        }
        Resource unchanged = instance;
        unchanged.action = Action::no_op;
        CHECK(run(k_tags + "    match: {actions: [no-op]}\n", {unchanged}).size() == 1);
    }
}

TEST_CASE("a budget over its delta limit fails the run as a whole", "[policy][rules]") {
    const auto findings = run(k_delta_budget, {}, with_delta(100.01));
    REQUIRE(findings.size() == 1);
    CHECK(findings[0].rule == "budget");
    CHECK(findings[0].severity == Severity::fail);
    CHECK_FALSE(findings[0].resource.has_value());
    CHECK(findings[0].file == "p.yaml");
    CHECK(findings[0].line == 3);
    CHECK(findings[0].message == "Monthly increase of $100.01 is over the $100.00 budget");
}

TEST_CASE("a budget exactly at its limit does not fail", "[policy][rules]") {
    const auto findings = run(k_delta_budget, {}, with_delta(100));
    REQUIRE(findings.size() == 1);
    CHECK(findings[0].severity == Severity::warn);
    CHECK(findings[0].message ==
          "Monthly increase of $100.00 has reached 75% of the $100.00 budget");
}

TEST_CASE("a budget warns at its highest tier and informs at lower ones", "[policy][rules]") {
    const auto warned = run(k_delta_budget, {}, with_delta(80));
    REQUIRE(warned.size() == 1);
    CHECK(warned[0].severity == Severity::warn);
    CHECK(warned[0].message == "Monthly increase of $80.00 has reached 75% of the $100.00 budget");

    const auto informed = run(k_delta_budget, {}, with_delta(60));
    REQUIRE(informed.size() == 1);
    CHECK(informed[0].severity == Severity::info);
    CHECK(informed[0].message ==
          "Monthly increase of $60.00 has reached 50% of the $100.00 budget");

    CHECK(run(k_delta_budget, {}, with_delta(40)).empty());
    CHECK(run(k_delta_budget, {}, with_delta(0)).empty());
    CHECK(run(k_delta_budget, {}, with_delta(-500)).empty());
}

TEST_CASE("a budget without tiers says nothing below its limit", "[policy][rules]") {
    const std::string yaml =
        "version: 1\nrules:\n  - id: b\n    kind: budget\n    max_monthly_delta: 100\n";
    CHECK(run(yaml, {}, with_delta(99.99)).empty());
    CHECK(run(yaml, {}, with_delta(100.01)).size() == 1);
    CHECK(run(yaml + "    severity: warn\n", {}, with_delta(101)).at(0).severity == Severity::warn);
}

TEST_CASE("a budget's total limit checks the monthly total after the change", "[policy][rules]") {
    const std::string total_budget = budget("    max_monthly_total: 1000\n");
    ResourceEstimate existing;
    existing.monthly_before = Money::from_double(900);
    existing.monthly_after = Money::from_double(900);
    existing.monthly_delta = Money();
    ResourceEstimate added;
    added.monthly_before = Money();
    added.monthly_after = Money::from_double(600);
    added.monthly_delta = Money::from_double(600);
    Estimate estimate;
    estimate.totals.add(existing);
    estimate.totals.add(added);

    const auto findings = run(total_budget, {}, estimate);
    REQUIRE(findings.size() == 1);
    CHECK(findings[0].severity == Severity::fail);
    CHECK(findings[0].message == "Monthly total of $1500.00 is over the $1000.00 budget");

    CHECK(run(total_budget, {}, with_delta(5000)).empty());
    CHECK(run(k_delta_budget, {}, estimate).size() == 1);
}

TEST_CASE("a budget with both limits checks each", "[policy][rules]") {
    Estimate estimate = with_delta(150);
    estimate.totals.monthly_after = Money::from_double(2000);
    const auto findings =
        run(budget("    max_monthly_total: 1000\n    max_monthly_delta: 100\n"), {}, estimate);
    REQUIRE(findings.size() == 2);
    CHECK(findings[0].message == "Monthly total of $2000.00 is over the $1000.00 budget");
    CHECK(findings[1].message == "Monthly increase of $150.00 is over the $100.00 budget");
}
