#include "costgate/model/error.hpp"
#include "costgate/policy/policy.hpp"

#include <catch2/catch.hpp>

using namespace costgate;
using namespace costgate::policy;
using Catch::Contains;
using Catch::StartsWith;

namespace {

/// The message of the InputError that parsing `yaml` as p.yaml and checking its
/// exemptions throws.
std::string error_of(const std::string& yaml) {
    try {
        parse_policy("p.yaml", yaml).check_exemptions();
    } catch (const InputError& error) {
        return error.what();
    } catch (const std::exception& error) {
        FAIL("not an InputError: " << error.what() << "\nfor:\n" << yaml);
    }
    FAIL("no InputError for:\n" << yaml);
    return {};
}

// Lines 1-5; a rule's own keys continue on line 6 at column 5.
const std::string k_rule =
    "version: 1\nrules:\n  - id: tags\n    kind: required_tags\n    tags: [cost-centre]\n";

// Lines 1-5 (a budget rule with a limit); more budget keys continue on line 6.
const std::string k_budget =
    "version: 1\nrules:\n  - id: b\n    kind: budget\n    max_monthly_delta: 5\n";

// Lines 1-8: k_rule, then an exemption of it whose keys continue on line 9.
const std::string k_exemption = k_rule + "exemptions:\n  - rule: tags\n    resource: x\n";

} // namespace

TEST_CASE("a valid policy loads both rule kinds and its exemptions", "[policy][loader]") {
    const Policy policy = parse_policy("p.yaml", k_rule + R"(    severity: warn
    description: tag everything
    match: {types: ["aws_*"], addresses: ["module.*"], actions: [create, no-op],
            tags: {env: [prod, "stag*"], team: data}, sources: [terraform]}
  - id: monthly.budget_1
    kind: budget
    max_monthly_total: 10000
    max_monthly_delta: 500
    warn_at_percent: [75, 50, 100]
exemptions:
  - rule: tags
    resource: module.sandbox.*
    reason: approved in FIN-1
    expires: 2026-12-31
)");
    REQUIRE(policy.rules.size() == 2);
    const Rule& tags = *policy.rules[0];
    CHECK(tags.id == "tags");
    CHECK(tags.severity == Severity::warn);
    CHECK(tags.file == "p.yaml");
    CHECK(tags.line == 3);
    CHECK(tags.match.types == std::vector<std::string>{"aws_*"});
    CHECK(tags.match.addresses == std::vector<std::string>{"module.*"});
    CHECK(tags.match.sources == std::vector<Source>{Source::terraform});
    CHECK(tags.match.actions == std::set<Action>{Action::create, Action::no_op});
    CHECK(tags.match.tags == std::map<std::string, std::vector<std::string>>{
                                 {"env", {"prod", "stag*"}}, {"team", {"data"}}});

    const Rule& budget = *policy.rules[1];
    CHECK(budget.id == "monthly.budget_1");
    CHECK(budget.severity == Severity::fail);
    CHECK(budget.line == 10);
    CHECK(budget.match.actions == Match().actions);

    REQUIRE(policy.exemptions.size() == 1);
    const Exemption& exemption = policy.exemptions[0];
    CHECK(exemption.rule == "tags");
    CHECK(exemption.resource == "module.sandbox.*");
    CHECK(exemption.reason == "approved in FIN-1");
    CHECK(exemption.expires == util::Date{2026, 12, 31});
    CHECK(exemption.file == "p.yaml");
    CHECK(exemption.line == 16);
}

TEST_CASE("a policy without rules or exemptions is valid", "[policy][loader]") {
    CHECK(parse_policy("p.yaml", "version: 1\n").rules.empty());
    CHECK(parse_policy("p.yaml", "version: 1\nrules: []\nexemptions: []\n").rules.empty());
}

TEST_CASE("unknown and duplicate keys are reported where they are", "[policy][loader]") {
    CHECK_THAT(error_of("version: 1\nrulez: []\n"),
               StartsWith("p.yaml:2:1: unknown key \"rulez\" in policy"));
    CHECK_THAT(error_of(k_rule + "    sevirity: warn\n"),
               StartsWith("p.yaml:6:5: unknown key \"sevirity\" in rule"));
    CHECK_THAT(error_of(k_rule + "    match: {typez: [a]}\n"),
               StartsWith("p.yaml:6:13: unknown key \"typez\" in match"));
    CHECK_THAT(error_of(k_budget + "    match: {types: [a]}\n"),
               StartsWith("p.yaml:6:5: unknown key \"match\" in rule"));
    CHECK_THAT(error_of(k_exemption + "    reason: r\n    expires: 2026-12-01\n    owner: me\n"),
               StartsWith("p.yaml:11:5: unknown key \"owner\" in exemption"));
    CHECK_THAT(error_of(k_rule + "    tags: [x]\n"),
               StartsWith("p.yaml:6:5: duplicate key \"tags\" in rule"));
    CHECK_THAT(error_of("version: 1\nversion: 1\n"),
               StartsWith("p.yaml:2:1: duplicate key \"version\" in policy"));
}

TEST_CASE("values of the wrong type are reported where they are", "[policy][loader]") {
    CHECK_THAT(error_of("version: 1\nrules:\n  - id: t\n    kind: required_tags\n"
                        "    tags: {a: b}\n"),
               StartsWith("p.yaml:5:11: \"tags\" must be a list of keys or of {key, aliases, "
                          "allowed, pattern}"));
    CHECK_THAT(error_of(k_rule + "    match: {tags: [env]}\n"),
               StartsWith("p.yaml:6:19: match.tags must be a mapping"));
    CHECK_THAT(error_of(k_rule + "    match: {types: [[a]]}\n"),
               StartsWith("p.yaml:6:21: \"types\" must be a list of non-empty strings"));
    CHECK_THAT(error_of("version: 1\nrules: {id: a}\n"),
               StartsWith("p.yaml:2:8: \"rules\" must be a list"));
    CHECK_THAT(error_of("version: 1\nrules:\n  - tags\n"),
               StartsWith("p.yaml:3:5: rule must be a mapping"));
    CHECK_THAT(error_of(k_rule + "exemptions: {rule: tags}\n"),
               StartsWith("p.yaml:6:13: \"exemptions\" must be a list"));
    CHECK_THAT(error_of(k_budget + "    max_monthly_total: lots\n"),
               StartsWith("p.yaml:6:24: \"max_monthly_total\" must be a number"));
}

TEST_CASE("rule kinds, severities, actions, sources and globs are checked", "[policy][loader]") {
    CHECK_THAT(error_of("version: 1\nrules:\n  - id: t\n    kind: nope\n"),
               StartsWith("p.yaml:4:11: unknown rule kind \"nope\"") &&
                   Contains("budget, expiry, instance_types, kubernetes, regions, required_tags, "
                            "resource_cost, resource_count, spot_required, token_prices, "
                            "unit_cost, unpriced"));
    CHECK_THAT(error_of(k_rule + "    severity: fatal\n"),
               StartsWith("p.yaml:6:15: \"severity\" must be info, warn or fail, found \"fatal\""));
    CHECK_THAT(error_of(k_rule + "    match: {actions: [create, destroy]}\n"),
               StartsWith("p.yaml:6:31: unknown action \"destroy\""));
    CHECK_THAT(error_of(k_rule + "    match: {actions: []}\n"),
               StartsWith("p.yaml:6:22: \"actions\" must be a non-empty list"));
    CHECK_THAT(error_of(k_rule + "    match: {sources: [helm]}\n"),
               StartsWith("p.yaml:6:22: unknown source \"helm\""));
    CHECK_THAT(error_of(k_rule + "    match: {types: [\"**\"]}\n"),
               StartsWith("p.yaml:6:20: glob \"**\" is only stars"));
    CHECK_THAT(error_of("version: 1\nrules:\n  - id: t\n    kind: required_tags\n    tags: []\n"),
               StartsWith("p.yaml:3:5: required_tags needs a non-empty \"tags\" list"));
}

TEST_CASE("rule ids are required, well formed and unique", "[policy][loader]") {
    CHECK_THAT(error_of("version: 1\nrules:\n  - kind: budget\n    max_monthly_total: 1\n"),
               StartsWith("p.yaml:3:5: rule is missing \"id\""));
    CHECK_THAT(error_of("version: 1\nrules:\n  - id: \"\"\n    kind: budget\n"),
               StartsWith("p.yaml:3:9: \"id\" must not be empty"));
    CHECK_THAT(error_of("version: 1\nrules:\n  - id: a b\n    kind: budget\n"),
               StartsWith("p.yaml:3:9: rule id \"a b\" may use only"));
    CHECK_THAT(error_of("version: 1\nrules:\n  - id: -a\n    kind: budget\n"),
               StartsWith("p.yaml:3:9: rule id \"-a\" may use only"));
    CHECK_THAT(error_of(k_rule + "  - id: tags\n    kind: budget\n    max_monthly_total: 1\n"),
               StartsWith("p.yaml:6:9: rule id \"tags\" is already declared at p.yaml:3"));
}

TEST_CASE("the policy version must be 1", "[policy][loader]") {
    CHECK_THAT(error_of("rules: []\n"), StartsWith("p.yaml:1:1: policy is missing \"version: 1\""));
    CHECK_THAT(error_of("version: 2\n"), StartsWith("p.yaml:1:10: unsupported policy version"));
    CHECK_THAT(error_of("version: [1]\n"), StartsWith("p.yaml:1:10: unsupported policy version"));
}

TEST_CASE("budget limits and warning tiers are checked", "[policy][loader]") {
    CHECK_THAT(error_of("version: 1\nrules:\n  - id: b\n    kind: budget\n"),
               StartsWith("p.yaml:3:5: budget needs at least one of \"max_monthly_total\", "
                          "\"max_monthly_delta\", \"max_delta_percent\", \"budgets\" or "
                          "\"namespace_budgets\""));
    CHECK_THAT(
        error_of("version: 1\nrules:\n  - id: b\n    kind: budget\n    max_monthly_delta: -5\n"),
        StartsWith("p.yaml:5:24: \"max_monthly_delta\" must be between 0 and"));
    CHECK_THAT(error_of(k_budget + "    warn_at_percent: [0]\n"),
               StartsWith("p.yaml:6:23: warn_at_percent entries must be above 0 and at most 100"));
    CHECK_THAT(error_of(k_budget + "    warn_at_percent: [50, 150]\n"),
               StartsWith("p.yaml:6:27: warn_at_percent entries must be above 0 and at most 100"));
    CHECK_THAT(error_of(k_budget + "    warn_at_percent: 50\n"),
               StartsWith("p.yaml:6:22: \"warn_at_percent\" must be a list of percentages"));
}

TEST_CASE("exemptions need a declared rule, a reason and a real date", "[policy][loader]") {
    CHECK_THAT(error_of(k_exemption + "    reason: r\n    expires: 2026-02-30\n"),
               StartsWith("p.yaml:10:14: expires \"2026-02-30\" is not a valid YYYY-MM-DD date"));
    CHECK_THAT(error_of(k_exemption + "    expires: 2026-12-01\n"),
               StartsWith("p.yaml:7:5: exemption is missing \"reason\""));
    CHECK_THAT(error_of(k_rule + "exemptions:\n  - rule: other\n    resource: x\n    reason: r\n"
                                 "    expires: 2026-12-01\n"),
               StartsWith("p.yaml:7:11: exemption names rule \"other\", which no policy file "
                          "declares"));
}

TEST_CASE("YAML that does not parse or holds nothing is an error", "[policy][loader]") {
    CHECK_THAT(error_of("version: 1\nrules: [\n"), StartsWith("p.yaml:3:1: invalid YAML"));
    CHECK_THAT(error_of("version: 1\n  bad: x\n"), StartsWith("p.yaml:2:6: invalid YAML"));
    CHECK_THAT(error_of(""), StartsWith("p.yaml: ") && Contains("empty"));
    CHECK_THAT(error_of("# nothing here\n"), StartsWith("p.yaml: ") && Contains("empty"));
    CHECK_THAT(error_of("- version: 1\n"), StartsWith("p.yaml:1:1: policy must be a mapping"));
}

TEST_CASE("merging policies appends rules and exemptions in order", "[policy][loader]") {
    Policy org = parse_policy("org.yaml", k_exemption + "    reason: r\n    expires: 2026-12-01\n");
    org.merge(parse_policy("repo.yaml", k_budget));
    REQUIRE(org.rules.size() == 2);
    CHECK(org.rules[0]->id == "tags");
    CHECK(org.rules[0]->file == "org.yaml");
    CHECK(org.rules[1]->id == "b");
    CHECK(org.rules[1]->file == "repo.yaml");
    REQUIRE(org.exemptions.size() == 1);
    CHECK(org.exemptions[0].file == "org.yaml");
}

TEST_CASE("an exemption may name a rule declared in another merged file", "[policy][loader]") {
    Policy org = parse_policy("org.yaml", k_rule);
    org.merge(parse_policy("repo.yaml",
                           "version: 1\nexemptions:\n  - rule: tags\n"
                           "    resource: x\n    reason: r\n    expires: 2026-12-01\n"));
    CHECK_NOTHROW(org.check_exemptions());
    Policy alone =
        parse_policy("repo.yaml", "version: 1\nexemptions:\n  - rule: tags\n"
                                  "    resource: x\n    reason: r\n    expires: 2026-12-01\n");
    CHECK_THROWS_WITH(alone.check_exemptions(),
                      StartsWith("repo.yaml:3:11: exemption names rule \"tags\""));
}

TEST_CASE("a rule id declared in two files names both", "[policy][loader]") {
    Policy org = parse_policy("org.yaml", k_budget);
    CHECK_THROWS_AS(org.merge(parse_policy("repo.yaml", k_budget)), InputError);
    Policy again = parse_policy("org.yaml", k_budget);
    CHECK_THROWS_WITH(again.merge(parse_policy("repo.yaml", k_budget)),
                      StartsWith("repo.yaml:3") &&
                          Contains("rule id \"b\" is already declared at org.yaml:3"));
}

TEST_CASE("settings.cluster names the cluster profile, and merged files must agree",
          "[policy][loader]") {
    const std::string gke = "version: 1\nsettings:\n  cluster: gke\n";
    Policy org = parse_policy("org.yaml", gke);
    CHECK(org.cluster_profile == "gke");
    org.merge(parse_policy("repo.yaml", gke));
    org.merge(parse_policy("other.yaml", k_budget));
    CHECK(org.cluster_profile == "gke");
    CHECK_THROWS_WITH(
        org.merge(parse_policy("eks.yaml", "version: 1\nsettings: {cluster: eks}\n")),
        StartsWith("eks.yaml:2:21: settings.cluster \"eks\" conflicts with \"gke\" set "
                   "at repo.yaml:3:12"));
    CHECK_THAT(error_of("version: 1\nsettings: {region: x}\n"),
               StartsWith("p.yaml:2:12: unknown key \"region\" in settings"));
}
