#include "costgate/error.hpp"
#include "costgate/policy/policy.hpp"

#include <catch2/catch.hpp>

using namespace costgate;

namespace {

std::string error_of(const std::string& yaml) {
    try {
        parse_policy("p.yaml", yaml);
    } catch (const InputError& error) {
        return error.what();
    }
    FAIL("no InputError for:\n" << yaml);
    return {};
}

const std::string k_rule =
    "version: 1\nrules:\n  - id: tags\n    kind: required_tags\n    tags: [cost-centre]\n";

} // namespace

TEST_CASE("a valid policy loads its rules and exemptions", "[policy]") {
    const Policy policy = parse_policy("p.yaml", k_rule + R"(    severity: warn
    match: {types: ["aws_*"], actions: [create, no-op], tags: {env: [prod, "stag*"]}, sources: [terraform]}
  - id: budget
    kind: budget
    max_monthly_delta: 500
    warn_at_percent: [75, 50]
exemptions:
  - rule: tags
    resource: module.sandbox.*
    reason: approved in FIN-1
    expires: 2026-12-31
)");
    REQUIRE(policy.rules.size() == 2);
    CHECK(policy.rules[0]->id == "tags");
    CHECK(policy.rules[0]->severity == Severity::warn);
    CHECK(policy.rules[0]->line == 3);
    CHECK(policy.rules[0]->match.actions == std::set<Action>{Action::create, Action::no_op});
    CHECK(policy.rules[1]->severity == Severity::fail);
    REQUIRE(policy.exemptions.size() == 1);
    CHECK(policy.exemptions[0].expires == Date{2026, 12, 31});
    CHECK(policy.exemptions[0].line == 13);
}

TEST_CASE("policy mistakes are reported at file:line:column", "[policy]") {
    CHECK_THAT(error_of("version: 1\nrulez: []\n"),
               Catch::StartsWith("p.yaml:2:1: unknown key \"rulez\""));
    CHECK_THAT(error_of(k_rule + "    sevirity: warn\n"),
               Catch::StartsWith("p.yaml:6:5: unknown key \"sevirity\" in rule"));
    CHECK_THAT(error_of(k_rule + "    match: {typez: [a]}\n"),
               Catch::StartsWith("p.yaml:6:13: unknown key \"typez\" in match"));
    CHECK_THAT(error_of(k_rule + "    tags: [x]\n"),
               Catch::StartsWith("p.yaml:6:5: duplicate key \"tags\""));
    CHECK_THAT(
        error_of("version: 1\nrules:\n  - id: t\n    kind: required_tags\n    tags: {a: b}\n"),
        Catch::StartsWith("p.yaml:5:11:") && Catch::Contains("list of strings"));
    CHECK_THAT(error_of("version: 1\nrules:\n  - id: t\n    kind: nope\n"),
               Catch::StartsWith("p.yaml:4:11: unknown rule kind \"nope\"") &&
                   Catch::Contains("required_tags"));
    CHECK_THAT(error_of(k_rule + "    severity: fatal\n"),
               Catch::StartsWith("p.yaml:6:15: severity must be"));
    CHECK_THAT(error_of("version: 1\nrules:\n  - kind: budget\n"),
               Catch::StartsWith("p.yaml:3:5: rule is missing \"id\""));
    CHECK_THAT(error_of("version: 1\nrules:\n  - id: a b\n    kind: budget\n"),
               Catch::StartsWith("p.yaml:3:9: rule id"));
    CHECK_THAT(error_of("rules: []\n"),
               Catch::StartsWith("p.yaml:1:1:") && Catch::Contains("version: 1"));
    CHECK_THAT(error_of("version: 2\n"),
               Catch::StartsWith("p.yaml:1:10: unsupported policy version"));
    CHECK_THAT(error_of("version: 1\nrules:\n  - id: b\n    kind: budget\n"),
               Catch::Contains("max_monthly_delta"));
    CHECK_THAT(
        error_of("version: 1\nrules:\n  - id: b\n    kind: budget\n    max_monthly_delta: -5\n"),
        Catch::StartsWith("p.yaml:5:24:"));
    CHECK_THAT(error_of("version: 1\nrules:\n  - id: b\n    kind: budget\n    max_monthly_delta: "
                        "5\n    warn_at_percent: [0]\n"),
               Catch::StartsWith("p.yaml:6:23:"));
    CHECK_THAT(error_of("version: 1\nrules:\n  - id: b\n    kind: budget\n    max_monthly_delta: "
                        "5\n    warn_at_percent: [150]\n"),
               Catch::Contains("at most 100"));
    CHECK_THAT(error_of(k_rule + "    match: {actions: [destroy]}\n"),
               Catch::Contains("unknown action \"destroy\""));
    CHECK_THAT(error_of(k_rule + "    match: {types: [\"**\"]}\n"), Catch::Contains("only stars"));
    CHECK_THAT(error_of("version: 1\nrules: [\n"),
               Catch::StartsWith("p.yaml:") && Catch::Contains("invalid YAML"));
    CHECK_THAT(error_of(""), Catch::Contains("empty"));
}

TEST_CASE("duplicate rule ids name the first declaration", "[policy]") {
    CHECK_THAT(error_of(k_rule + "  - id: tags\n    kind: budget\n    max_monthly_total: 1\n"),
               Catch::StartsWith("p.yaml:6:0: rule id \"tags\" is already declared at p.yaml:3") ||
                   Catch::StartsWith("p.yaml:6: rule id \"tags\" is already declared at p.yaml:3"));
    Policy org = parse_policy("org.yaml", k_rule);
    CHECK_THROWS_WITH(org.merge(parse_policy("repo.yaml", k_rule)),
                      Catch::StartsWith("repo.yaml:3") &&
                          Catch::Contains("already declared at org.yaml:3"));
}

TEST_CASE("exemptions need a declared rule, a reason and a real date", "[policy]") {
    const std::string head = k_rule + "exemptions:\n  - rule: tags\n    resource: x\n";
    CHECK_THAT(error_of(head + "    reason: r\n    expires: 2026-02-30\n"),
               Catch::StartsWith("p.yaml:10:14: expires \"2026-02-30\""));
    CHECK_THAT(error_of(head + "    expires: 2026-12-01\n"), Catch::Contains("missing \"reason\""));
    CHECK_THAT(error_of(k_rule + "exemptions:\n  - rule: other\n    resource: x\n    reason: r\n   "
                                 " expires: 2026-12-01\n"),
               Catch::StartsWith("p.yaml:7:11:") && Catch::Contains("does not declare"));
}
