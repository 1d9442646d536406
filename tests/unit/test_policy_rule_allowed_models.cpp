#include "policy_fixtures.hpp"

using namespace costgate;
using namespace costgate::policy;
using namespace costgate::testing;

namespace {

const std::string k_allowed_models = R"(rules:
  - id: approved-models
    kind: allowed_models
    models: ["gpt-4o-mini*", "anthropic.claude-3-haiku-*", text-embedding-3-small]
)";

std::string deployment(const std::string& model) {
    return R"({"model": [{"format": "OpenAI", "name": ")" + model +
           R"(", "version": "1"}], "sku": [{"name": "GlobalStandard"}]})";
}

std::string throughput(const std::string& model) {
    return R"({"model_arn": "arn:aws:bedrock:us-east-1::foundation-model/)" + model + R"("})";
}

} // namespace

TEST_CASE("allowed_models reports deployments of models outside the list or globs",
          "[policy][rules][allowed_models]") {
    PolicyRun run;
    run.add("azurerm_cognitive_deployment.mini", "azurerm_cognitive_deployment",
            deployment("gpt-4o-mini"));
    run.add("azurerm_cognitive_deployment.big", "azurerm_cognitive_deployment",
            deployment("gpt-4o"));
    run.add("azurerm_cognitive_deployment.embed", "azurerm_cognitive_deployment",
            deployment("text-embedding-3-small"));
    run.add("aws_bedrock_provisioned_model_throughput.haiku",
            "aws_bedrock_provisioned_model_throughput",
            throughput("anthropic.claude-3-haiku-20240307-v1:0"));
    run.add("aws_bedrock_provisioned_model_throughput.claude",
            "aws_bedrock_provisioned_model_throughput", throughput("anthropic.claude-v2:1"));
    // A type that names no model is not judged.
    run.add("aws_instance.web", "aws_instance", R"({"instance_type": "m5.large"})");
    const auto findings = run.evaluate(k_allowed_models);
    REQUIRE(findings.size() == 2);
    CHECK(findings[0].resource == "aws_bedrock_provisioned_model_throughput.claude");
    CHECK(findings[0].message ==
          "aws_bedrock_provisioned_model_throughput.claude serves model anthropic.claude-v2:1, "
          "which is not allowed (allowed: gpt-4o-mini*, anthropic.claude-3-haiku-*, "
          "text-embedding-3-small)");
    CHECK(findings[1].resource == "azurerm_cognitive_deployment.big");
}

TEST_CASE("allowed_models applies per environment through match",
          "[policy][rules][allowed_models]") {
    PolicyRun run;
    run.add("azurerm_cognitive_deployment.big", "azurerm_cognitive_deployment",
            deployment("gpt-4o"), {{"env", "prod"}});
    CHECK(run.evaluate(k_allowed_models + "    match: {tags: {env: dev}}\n").empty());
    CHECK(run.evaluate(k_allowed_models + "    match: {tags: {env: prod}}\n").size() == 1);
}

TEST_CASE("allowed_models findings can be exempted until the exemption expires",
          "[policy][rules][allowed_models]") {
    PolicyRun run;
    run.add("azurerm_cognitive_deployment.big", "azurerm_cognitive_deployment",
            deployment("gpt-4o"));
    check_exemptions_apply(run, k_allowed_models, "approved-models", "azurerm_*");
}

TEST_CASE("allowed_models needs its model list", "[policy][rules][allowed_models]") {
    PolicyRun run;
    CHECK_THROWS_WITH(run.evaluate("rules:\n  - id: m\n    kind: allowed_models\n"),
                      Catch::Contains("allowed_models needs \"models\""));
}

TEST_CASE("allowed_models judges the hosted models a workload's token parts name",
          "[policy][rules][allowed_models]") {
    PolicyRun run;
    run.add("chat/Deployment/bot", "Deployment", "{}");
    add_component(run, "1M tokens", 10, 2.5, "openai/api/gpt-4o|input/any");
    add_component(run, "1M tokens", 1, 10, "openai/api/gpt-4o|output/any");
    run.add("chat/Deployment/mini", "Deployment", "{}");
    add_component(run, "1M tokens", 10, 0.15, "openai/api/gpt-4o-mini|input/any");
    // A model the catalog lacks is still judged, from the key its unpriced part names.
    run.add("chat/Deployment/other", "Deployment", "{}");
    run.estimate.resources.back().estimate.unpriced.push_back(
        {"Input tokens (claude-none-1)", "no price", "anthropic/api/claude-none-1|input/any"});
    const auto findings = run.evaluate(k_allowed_models);
    REQUIRE(findings.size() == 2);
    CHECK(findings[0].message == "chat/Deployment/bot serves model gpt-4o, which is not allowed "
                                 "(allowed: gpt-4o-mini*, anthropic.claude-3-haiku-*, "
                                 "text-embedding-3-small)");
    CHECK(findings[1].resource == "chat/Deployment/other");
}
