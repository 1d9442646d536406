#include "costgate/policy/evaluator.hpp"
#include "costgate/report.hpp"

#include <catch2/catch.hpp>

using namespace costgate;

namespace {

const std::string k_policy = R"(version: 1
rules:
  - id: tags
    kind: required_tags
    tags: [cost-centre]
exemptions:
  - rule: tags
    resource: "module.sandbox.*"
    reason: shared sandbox
    expires: 2026-11-30
)";

std::vector<Resource> untagged(std::initializer_list<const char*> addresses) {
    std::vector<Resource> resources;
    for (const char* address : addresses) {
        Resource r;
        r.address = address;
        r.type = "aws_instance";
        r.after = nlohmann::json::parse(R"({"tags": {}})");
        resources.push_back(std::move(r));
    }
    return resources;
}

std::vector<Finding> evaluate_on(const Date& today, const std::vector<Resource>& resources) {
    static const Estimate estimate;
    return evaluate_policy(parse_policy("p.yaml", k_policy), {resources, estimate}, today);
}

} // namespace

TEST_CASE("an exemption marks matching findings and the result ignores them",
          "[policy][exemptions]") {
    const auto findings =
        evaluate_on(Date{2026, 11, 22}, untagged({"module.sandbox.aws_instance.a"}));
    REQUIRE(findings.size() == 1);
    CHECK(findings[0].exempted_by == "shared sandbox (expires 2026-11-30)");
    Report report;
    report.findings = findings;
    CHECK(report.result() == Result::pass);
    CHECK(report.exit_code() == 0);
}

TEST_CASE("an exemption still applies on its expiry day", "[policy][exemptions]") {
    const auto findings =
        evaluate_on(Date{2026, 11, 30}, untagged({"module.sandbox.aws_instance.a"}));
    REQUIRE(findings.size() == 1);
    CHECK(findings[0].exempted_by.has_value());
}

TEST_CASE("an expired exemption stops applying and warns", "[policy][exemptions]") {
    const auto findings =
        evaluate_on(Date{2026, 12, 1}, untagged({"module.sandbox.aws_instance.a"}));
    REQUIRE(findings.size() == 2);
    CHECK(findings[0].rule == "expired-exemption");
    CHECK(findings[0].severity == Severity::warn);
    CHECK(findings[0].line == 7);
    CHECK(findings[1].rule == "tags");
    CHECK_FALSE(findings[1].exempted_by.has_value());
    Report report;
    report.findings = findings;
    CHECK(report.result() == Result::fail);
    CHECK(report.exit_code() == 1);
}

TEST_CASE("findings are sorted by rule, resource and message", "[policy]") {
    const auto findings =
        evaluate_on(Date{2026, 11, 22}, untagged({"b.aws_instance.z", "a.aws_instance.y"}));
    REQUIRE(findings.size() == 2);
    CHECK(findings[0].resource == "a.aws_instance.y");
    CHECK(findings[1].resource == "b.aws_instance.z");
}

TEST_CASE("the result is the worst unexempted severity", "[report]") {
    Report report;
    CHECK(report.result() == Result::pass);
    report.findings.push_back({"r", Severity::info, std::nullopt, "m", "", 0, std::nullopt});
    CHECK(report.result() == Result::pass);
    report.findings.push_back({"r", Severity::warn, std::nullopt, "m", "", 0, std::nullopt});
    CHECK(report.result() == Result::warn);
    CHECK(report.exit_code() == 0);
    report.findings.push_back({"r", Severity::fail, std::nullopt, "m", "", 0, std::string("ok")});
    CHECK(report.result() == Result::warn);
    report.findings.push_back({"r", Severity::fail, std::nullopt, "m", "", 0, std::nullopt});
    CHECK(report.result() == Result::fail);
    CHECK(report.exit_code() == 1);
}
