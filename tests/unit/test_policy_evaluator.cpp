#include "costgate/model/report.hpp"
#include "costgate/policy/evaluator.hpp"

#include <catch2/catch.hpp>
#include <cstdlib>
#include <nlohmann/json.hpp>
#include <optional>

using namespace costgate;
using namespace costgate::util;
using namespace costgate::policy;

namespace {

// The exemption is declared on line 7.
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
        r.after = JsonTree(nlohmann::json::parse(R"({"tags": {}})"));
        resources.push_back(std::move(r));
    }
    return resources;
}

/// `resources`, each with an empty estimate.
Estimate estimate_with(std::vector<Resource> resources) {
    Estimate estimate;
    for (Resource& resource : resources)
        estimate.add({std::move(resource), {}});
    return estimate;
}

std::vector<Finding> evaluate_on(const Date& today, const std::vector<Resource>& resources,
                                 const std::string& yaml = k_policy) {
    return evaluate_policy(parse_policy("p.yaml", yaml), {estimate_with(resources), today});
}

Report report_of(std::vector<Finding> findings) {
    Report report;
    report.findings = std::move(findings);
    return report;
}

} // namespace

TEST_CASE("an exemption marks matching findings and the result ignores them",
          "[policy][exemptions]") {
    const auto findings =
        evaluate_on(util::Date{2026, 11, 22}, untagged({"module.sandbox.aws_instance.a"}));
    REQUIRE(findings.size() == 1);
    CHECK(findings[0].rule == "tags");
    CHECK(findings[0].severity == Severity::fail);
    CHECK(findings[0].exempted_by == "shared sandbox (expires 2026-11-30)");
    CHECK(report_of(findings).result() == Result::pass);
    CHECK(report_of(findings).exit_code() == 0);
}

TEST_CASE("an exemption covers only the resources its glob names", "[policy][exemptions]") {
    const auto findings =
        evaluate_on(util::Date{2026, 11, 22},
                    untagged({"module.sandbox.aws_instance.a", "module.app.aws_instance.b"}));
    REQUIRE(findings.size() == 2);
    CHECK(findings[0].resource == "module.app.aws_instance.b");
    CHECK_FALSE(findings[0].exempted_by.has_value());
    CHECK(findings[1].resource == "module.sandbox.aws_instance.a");
    CHECK(findings[1].exempted_by.has_value());
    CHECK(report_of(findings).result() == Result::fail);
}

TEST_CASE("an exemption covers only the rule it names", "[policy][exemptions]") {
    const std::string yaml = R"(version: 1
rules:
  - id: tags
    kind: required_tags
    tags: [cost-centre]
  - id: team
    kind: required_tags
    tags: [team]
exemptions:
  - rule: team
    resource: "*"
    reason: teams are new
    expires: 2026-12-31
)";
    const auto findings = evaluate_on(util::Date{2026, 11, 22}, untagged({"aws_instance.a"}), yaml);
    REQUIRE(findings.size() == 2);
    CHECK(findings[0].rule == "tags");
    CHECK_FALSE(findings[0].exempted_by.has_value());
    CHECK(findings[1].rule == "team");
    CHECK(findings[1].exempted_by == "teams are new (expires 2026-12-31)");
}

TEST_CASE("an exemption still applies on its expiry day", "[policy][exemptions]") {
    const auto findings =
        evaluate_on(util::Date{2026, 11, 30}, untagged({"module.sandbox.aws_instance.a"}));
    REQUIRE(findings.size() == 1);
    CHECK(findings[0].exempted_by.has_value());
}

TEST_CASE("an expired exemption stops applying and warns", "[policy][exemptions]") {
    const auto findings =
        evaluate_on(util::Date{2026, 12, 1}, untagged({"module.sandbox.aws_instance.a"}));
    REQUIRE(findings.size() == 2);
    CHECK(findings[0].rule == "expired-exemption");
    CHECK(findings[0].severity == Severity::warn);
    CHECK_FALSE(findings[0].resource.has_value());
    CHECK(findings[0].file == "p.yaml");
    CHECK(findings[0].line == 7);
    CHECK(findings[0].message == "The exemption of module.sandbox.* from rule tags expired on "
                                 "2026-11-30 and no longer applies (shared sandbox)");
    CHECK_FALSE(findings[0].exempted_by.has_value());
    CHECK(findings[1].rule == "tags");
    CHECK_FALSE(findings[1].exempted_by.has_value());
    CHECK(report_of(findings).result() == Result::fail);
    CHECK(report_of(findings).exit_code() == 1);
}

TEST_CASE("an expired exemption warns even when nothing matches it", "[policy][exemptions]") {
    const auto findings = evaluate_on(util::Date{2027, 1, 1}, {});
    REQUIRE(findings.size() == 1);
    CHECK(findings[0].rule == "expired-exemption");
    CHECK(report_of(findings).result() == Result::warn);
}

TEST_CASE("COSTGATE_TODAY decides which exemptions have expired", "[policy][exemptions]") {
    const char* saved = std::getenv("COSTGATE_TODAY");
    const std::optional<std::string> old = saved ? std::optional<std::string>(saved) : std::nullopt;
    const auto resources = untagged({"module.sandbox.aws_instance.a"});

    setenv("COSTGATE_TODAY", "2026-11-30", 1);
    const auto on_expiry_day = evaluate_on(Date::today(), resources);
    setenv("COSTGATE_TODAY", "2026-12-01", 1);
    const auto day_after = evaluate_on(Date::today(), resources);
    if (old)
        setenv("COSTGATE_TODAY", old->c_str(), 1);
    else
        unsetenv("COSTGATE_TODAY");

    REQUIRE(on_expiry_day.size() == 1);
    CHECK(on_expiry_day[0].exempted_by.has_value());
    REQUIRE(day_after.size() == 2);
    CHECK(day_after[0].rule == "expired-exemption");
    CHECK_FALSE(day_after[1].exempted_by.has_value());
}

TEST_CASE("run-wide findings can be exempted with a star", "[policy][exemptions]") {
    const std::string yaml = R"(version: 1
rules:
  - id: budget
    kind: budget
    max_monthly_delta: 10
exemptions:
  - rule: budget
    resource: "*"
    reason: migration month
    expires: 2026-12-31
)";
    Estimate estimate;
    estimate.totals.monthly_delta = Money::from_double(50);
    const auto findings =
        evaluate_policy(parse_policy("p.yaml", yaml), {estimate, util::Date{2026, 11, 22}});
    REQUIRE(findings.size() == 1);
    CHECK_FALSE(findings[0].resource.has_value());
    CHECK(findings[0].exempted_by == "migration month (expires 2026-12-31)");
}

TEST_CASE("findings are sorted by rule, then resource, then message", "[policy]") {
    const std::string yaml = R"(version: 1
rules:
  - id: z-tags
    kind: required_tags
    tags: [cost-centre]
  - id: a-budget
    kind: budget
    max_monthly_total: 10
    max_monthly_delta: 10
)";
    Estimate estimate = estimate_with(untagged({"b.aws_instance.z", "a.aws_instance.y"}));
    estimate.totals.monthly_after = Money::from_double(50);
    estimate.totals.monthly_delta = Money::from_double(50);
    const auto findings =
        evaluate_policy(parse_policy("p.yaml", yaml), {estimate, util::Date{2026, 11, 22}});
    REQUIRE(findings.size() == 4);
    CHECK(findings[0].rule == "a-budget");
    CHECK_THAT(findings[0].message, Catch::StartsWith("Monthly increase"));
    CHECK(findings[1].rule == "a-budget");
    CHECK_THAT(findings[1].message, Catch::StartsWith("Monthly total"));
    CHECK(findings[2].resource == "a.aws_instance.y");
    CHECK(findings[3].resource == "b.aws_instance.z");
}
