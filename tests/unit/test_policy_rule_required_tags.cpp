#include "policy_fixtures.hpp"

using namespace costgate;
using namespace costgate::policy;
using namespace costgate::testing;

namespace {

const std::string k_aliases = R"(rules:
  - id: cc
    kind: required_tags
    tags:
      - key: cost-centre
        aliases: [cost_center, CostCenter]
        pattern: "cc-[0-9]{3}"
      - key: env
        allowed: [dev, staging, prod*]
)";

} // namespace

TEST_CASE("required_tags accepts aliases and checks allowed values and patterns",
          "[policy][rules][required_tags]") {
    PolicyRun run;
    run.add("aws_instance.ok", "aws_instance", R"({"tags": {}})",
            {{"CostCenter", "cc-123"}, {"env", "prod-eu"}});
    run.add("aws_instance.bad_value", "aws_instance", R"({"tags": {}})",
            {{"cost_center", "marketing"}, {"env", "qa"}});
    run.add("aws_instance.missing", "aws_instance", R"({"tags": {}})", {{"env", "dev"}});
    const auto findings = run.evaluate(k_aliases);
    REQUIRE(findings.size() == 2);
    CHECK(findings[0].resource == "aws_instance.bad_value");
    CHECK(findings[0].message ==
          "aws_instance.bad_value has tag value(s) not allowed: cost-centre=\"marketing\" "
          "(pattern: cc-[0-9]{3}), env=\"qa\" (allowed: dev, staging, prod*)");
    CHECK(findings[1].resource == "aws_instance.missing");
    CHECK(findings[1].message == "aws_instance.missing is missing required tag(s): cost-centre");
}

TEST_CASE("required_tags matches keys case-insensitively only when asked",
          "[policy][rules][required_tags]") {
    PolicyRun run;
    run.add("aws_instance.a", "aws_instance", R"({"tags": {}})", {{"Cost-Centre", "cc-1"}});
    const std::string rule = "rules:\n  - id: cc\n    kind: required_tags\n    tags: cost-centre\n";
    CHECK(run.evaluate(rule).size() == 1);
    CHECK(run.evaluate(rule + "    ignore_case: true\n").empty());
}

TEST_CASE("required_tags checks Kubernetes labels and skips untaggable Terraform types",
          "[policy][rules][required_tags]") {
    PolicyRun run;
    run.add("team-a/Deployment/api", "Deployment", R"({"kind": "Deployment"})");
    run.add("aws_route.r", "aws_route", R"({"cidr": "0.0.0.0/0"})");
    const auto findings =
        run.evaluate("rules:\n  - id: cc\n    kind: required_tags\n    tags: [team]\n");
    REQUIRE(findings.size() == 1);
    CHECK(findings[0].resource == "team-a/Deployment/api");
    CHECK(findings[0].file == "k8s.yaml");
    CHECK(findings[0].line == 7);
}

TEST_CASE("required_tags does not match resources outside its selection",
          "[policy][rules][required_tags]") {
    PolicyRun run;
    run.add("aws_instance.a", "aws_instance", R"({"tags": {}})");
    run.add("aws_instance.old", "aws_instance", R"({"tags": {}})", {}, Action::no_op);
    CHECK(run.evaluate("rules:\n  - id: cc\n    kind: required_tags\n    tags: [team]\n"
                       "    match: {types: [\"google_*\"]}\n")
              .empty());
    // Unchanged resources are existing debt: not checked by default.
    CHECK(run.evaluate("rules:\n  - id: cc\n    kind: required_tags\n    tags: [team]\n").size() ==
          1);
}

TEST_CASE("required_tags findings can be exempted until the exemption expires",
          "[policy][rules][required_tags]") {
    PolicyRun run;
    run.add("aws_instance.a", "aws_instance", R"({"tags": {}})");
    check_exemptions_apply(run, "rules:\n  - id: cc\n    kind: required_tags\n    tags: [team]\n",
                           "cc", "aws_instance.a");
}

TEST_CASE("a message template words the finding with the resource's values",
          "[policy][rules][required_tags]") {
    PolicyRun run;
    run.add("module.app.aws_instance.a", "aws_instance", R"({"tags": {}})", {{"owner", "ana"}});
    const auto findings = run.evaluate(
        "rules:\n  - id: cc\n    kind: required_tags\n    tags: [team, env]\n"
        "    message: \"{{{name}}} in {module} ({type}, owner {tag.owner}) lacks {missing}\"\n");
    REQUIRE(findings.size() == 1);
    CHECK(findings[0].message == "{a} in module.app (aws_instance, owner ana) lacks team, env");
}

TEST_CASE("required_tags skips free resources unless asked to include them",
          "[policy][rules][required_tags]") {
    PolicyRun run;
    run.add("aws_iam_role.r", "aws_iam_role", R"({"tags": null})");
    run.estimate.resources.back().estimate.free = true;
    const std::string rule = "rules:\n  - id: cc\n    kind: required_tags\n    tags: [team]\n";
    CHECK(run.evaluate(rule).empty());
    CHECK(run.evaluate(rule + "    include_free: true\n").size() == 1);
}

TEST_CASE("a very long tag value fails a pattern without running the regex on it",
          "[policy][rules][required_tags]") {
    PolicyRun run;
    run.add("aws_instance.a", "aws_instance", R"({"tags": {}})",
            {{"cc", std::string(300000, '1')}});
    const auto findings = run.evaluate("rules:\n  - id: cc\n    kind: required_tags\n"
                                       "    tags: [{key: cc, pattern: \"[0-9]+\"}]\n");
    REQUIRE(findings.size() == 1);
    CHECK(findings[0].message.find("not allowed") != std::string::npos);
}
