#include "costgate/policy/evaluator.hpp"
#include "costgate/report.hpp"

#include <catch2/catch.hpp>

using namespace costgate;

namespace {

Resource resource(const std::string& address, const std::string& type, Action action,
                  std::map<std::string, std::string> tags,
                  const std::string& after = R"({"tags": {}})") {
    Resource r;
    r.address = address;
    r.type = type;
    r.action = action;
    r.file = "plan.json";
    r.tags = std::move(tags);
    r.after = nlohmann::json::parse(after);
    return r;
}

std::vector<Finding> evaluate(const std::string& yaml, const std::vector<Resource>& resources,
                              Money delta = Money(), Money total = Money()) {
    Estimate estimate;
    estimate.totals.monthly_delta = delta;
    estimate.totals.monthly_after = total;
    const Policy policy = parse_policy("p.yaml", yaml);
    return evaluate_policy(policy, {resources, estimate}, Date{2026, 11, 22});
}

const std::string k_tags =
    "version: 1\nrules:\n  - id: tags\n    kind: required_tags\n    tags: [cost-centre, team]\n";

std::string budget(const std::string& limits) {
    return "version: 1\nrules:\n  - id: budget\n    kind: budget\n" + limits +
           "    warn_at_percent: [50, 75]\n";
}

} // namespace

TEST_CASE("required_tags reports each resource missing a tag", "[policy][rules]") {
    const auto findings = evaluate(
        k_tags,
        {resource("aws_instance.ok", "aws_instance", Action::create,
                  {{"cost-centre", "cc"}, {"team", "t"}}),
         resource("aws_instance.bad", "aws_instance", Action::create, {{"cost-centre", ""}})});
    REQUIRE(findings.size() == 1);
    CHECK(findings[0].resource == "aws_instance.bad");
    CHECK(findings[0].message == "aws_instance.bad is missing required tag(s): cost-centre, team");
    CHECK(findings[0].severity == Severity::fail);
    CHECK(findings[0].file == "plan.json");
}

TEST_CASE("required_tags skips untaggable types, unmatched types and unchanged resources",
          "[policy][rules]") {
    CHECK(evaluate(k_tags,
                   {resource("aws_route.r", "aws_route", Action::create, {}, R"({"cidr": "0/0"})")})
              .empty());
    CHECK(evaluate(k_tags, {resource("aws_instance.old", "aws_instance", Action::no_op, {})})
              .empty());
    CHECK(evaluate(k_tags, {resource("aws_instance.gone", "aws_instance", Action::remove, {})})
              .empty());
    CHECK(evaluate(k_tags + "    match: {types: [\"google_*\"]}\n",
                   {resource("aws_instance.a", "aws_instance", Action::create, {})})
              .empty());
    CHECK(evaluate(k_tags + "    match: {actions: [no-op]}\n",
                   {resource("aws_instance.old", "aws_instance", Action::no_op, {})})
              .size() == 1);
    auto pod = resource("default/Deployment/web", "Deployment", Action::create, {}, "{}");
    pod.source = Source::kubernetes;
    CHECK(evaluate(k_tags, {pod}).size() == 1);
}

TEST_CASE("budget fails over the limit and warns or informs as spend approaches it",
          "[policy][rules]") {
    const std::string limits = budget("    max_monthly_delta: 100\n");
    const auto over = evaluate(limits, {}, Money::from_double(100.01));
    REQUIRE(over.size() == 1);
    CHECK(over[0].severity == Severity::fail);
    CHECK_FALSE(over[0].resource.has_value());
    CHECK(over[0].file == "p.yaml");
    CHECK(over[0].line == 3);
    CHECK(over[0].message == "Monthly increase of $100.01 is over the $100.00 budget");

    const auto at_limit = evaluate(limits, {}, Money::from_double(100));
    REQUIRE(at_limit.size() == 1);
    CHECK(at_limit[0].severity == Severity::warn);
    CHECK(evaluate(limits, {}, Money::from_double(80)).at(0).severity == Severity::warn);
    const auto informed = evaluate(limits, {}, Money::from_double(60));
    CHECK(informed.at(0).severity == Severity::info);
    CHECK(informed.at(0).message ==
          "Monthly increase of $60.00 has reached 50% of the $100.00 budget");
    CHECK(evaluate(limits, {}, Money::from_double(40)).empty());
    CHECK(evaluate(limits, {}, Money::from_double(-500)).empty());
}

TEST_CASE("budget checks the monthly total after the change", "[policy][rules]") {
    const auto findings =
        evaluate(budget("    max_monthly_total: 1000\n"), {}, Money(), Money::from_double(1500));
    REQUIRE(findings.size() == 1);
    CHECK(findings[0].message == "Monthly total of $1500.00 is over the $1000.00 budget");
}
