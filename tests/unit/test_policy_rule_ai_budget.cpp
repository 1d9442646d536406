#include "policy_fixtures.hpp"

using namespace costgate;
using namespace costgate::policy;
using namespace costgate::testing;

namespace {

// Two Azure OpenAI deployments priced from the catalog rows
// azure/openai/gpt-4o-2024-08-06|input/global ($2.50 per 1M) and |output/global ($10):
// 200 x 2.5 + 40 x 10 = $900 for 240M tokens; azure/openai/gpt-4o-mini|input/global
// ($0.15) and |output/global ($0.60): 100 x 0.15 + 20 x 0.6 = $27 for 120M tokens.
PolicyRun deployments() {
    PolicyRun run;
    run.add("azurerm_cognitive_deployment.chat", "azurerm_cognitive_deployment", "{}", {},
            Action::create, 900);
    add_component(run, "1M tokens", 200, 2.5, "azure/openai/gpt-4o-2024-08-06|input/global");
    add_component(run, "1M tokens", 40, 10, "azure/openai/gpt-4o-2024-08-06|output/global");
    run.add("azurerm_cognitive_deployment.mini", "azurerm_cognitive_deployment", "{}", {},
            Action::create, 27);
    add_component(run, "1M tokens", 100, 0.15, "azure/openai/gpt-4o-mini|input/global");
    add_component(run, "1M tokens", 20, 0.6, "azure/openai/gpt-4o-mini|output/global");
    return run;
}

std::string token_budget(double limit) {
    return "rules:\n  - id: tokens\n    kind: ai_budget\n    max_monthly_tokens: " +
           std::to_string(static_cast<long long>(limit)) + "\n    warn_at_percent: [50, 75]\n";
}

} // namespace

TEST_CASE("ai_budget sums the monthly tokens with the budget tiers", "[policy][rules][ai_budget]") {
    const PolicyRun run = deployments();
    // 240M + 120M = 360M tokens.
    auto findings = run.evaluate(token_budget(400e6)); // 90%: the highest tier warns
    REQUIRE(findings.size() == 1);
    CHECK(
        findings[0].message ==
        "Monthly AI tokens of 360,000,000 tokens has reached 75% of the 400,000,000 tokens budget");
    CHECK(findings[0].severity == Severity::warn);
    CHECK_FALSE(findings[0].resource);
    findings = run.evaluate(token_budget(600e6)); // 60%: a lower tier informs
    REQUIRE(findings.size() == 1);
    CHECK(findings[0].severity == Severity::info);
    findings = run.evaluate(token_budget(300e6)); // over
    REQUIRE(findings.size() == 1);
    CHECK(findings[0].message ==
          "Monthly AI tokens of 360,000,000 tokens is over the 300,000,000 tokens budget");
    CHECK(findings[0].severity == Severity::fail);
    CHECK(run.evaluate(token_budget(1000e6)).empty()); // 36%
}

TEST_CASE("ai_budget caps the cost of the selected resources", "[policy][rules][ai_budget]") {
    PolicyRun run = deployments();
    run.add("aws_instance.web", "aws_instance", "{}", {}, Action::create, 5000);
    // $900 + $27 = $927 of $1,000: 92.7%; the instance is not selected.
    const auto findings = run.evaluate(R"y(rules:
  - id: ai-cost
    kind: ai_budget
    max_monthly_cost: 1000
    warn_at_percent: [90]
    match: {types: [azurerm_cognitive_deployment]}
    message: "{what}: {value} of {limit} ({percent})"
)y");
    REQUIRE(findings.size() == 1);
    CHECK(findings[0].message == "Monthly AI cost: $927.00 of $1,000.00 (90%)");
    CHECK(findings[0].severity == Severity::warn);
}

TEST_CASE("ai_budget counts tokens without usage as unknown", "[policy][rules][ai_budget]") {
    PolicyRun run = deployments();
    run.add("azurerm_cognitive_deployment.new", "azurerm_cognitive_deployment", "{}", {},
            Action::create, 0);
    add_component(run, "1M tokens", std::nullopt, 0.15, "azure/openai/gpt-4o-mini|input/global");
    // At least 360M of 1,000M: within, but the deployment without usage could add any amount.
    auto findings = run.evaluate(token_budget(1000e6));
    REQUIRE(findings.size() == 1);
    CHECK(findings[0].message ==
          "Monthly AI tokens of at least 360,000,000 tokens could not be confirmed within the "
          "1,000,000,000 tokens budget: 1 resource(s) left out (azurerm_cognitive_deployment.new)");
    CHECK(findings[0].severity == Severity::warn);
    // A lower bound over the limit is over it whatever the rest.
    findings = run.evaluate(token_budget(300e6));
    REQUIRE(findings.size() == 1);
    CHECK(findings[0].severity == Severity::fail);
}

TEST_CASE("ai_budget names no figure when nothing of the sum is known",
          "[policy][rules][ai_budget]") {
    PolicyRun run;
    run.add("azurerm_cognitive_deployment.new", "azurerm_cognitive_deployment", "{}", {},
            Action::create, 0);
    add_component(run, "1M tokens", std::nullopt, 0.15, "azure/openai/gpt-4o-mini|input/global");
    // No deployment has usage: "at least 0 tokens" would read as a figure.
    const auto findings = run.evaluate(token_budget(1000e6));
    REQUIRE(findings.size() == 1);
    CHECK(findings[0].message ==
          "Monthly AI tokens could not be confirmed within the 1,000,000,000 tokens budget: none "
          "are known, 1 resource(s) left out (azurerm_cognitive_deployment.new)");
    CHECK(findings[0].severity == Severity::warn);
}

TEST_CASE("ai_budget counts GPU-hours from priced machines and replicas",
          "[policy][rules][ai_budget]") {
    PolicyRun run;
    // p3.8xlarge has 4 GPUs (src/pricing/specs/aws.csv): 4 x 730 hours = 2,920 GPU-hours.
    run.add("aws_instance.train", "aws_instance", R"({"instance_type": "p3.8xlarge"})", {},
            Action::create, 8935.2);
    add_component(run, "hours", 730, 12.24, "aws/ec2/p3.8xlarge/us-east-1");
    // 2 T4 per node x 1,460 node-hours (2 nodes) = 2,920 GPU-hours; the disk is not a machine.
    run.add("google_container_node_pool.gpu", "google_container_node_pool",
            R"({"node_count": 2, "node_config": [{"machine_type": "n1-standard-8",
                "guest_accelerator": [{"count": 2}]}]})",
            {}, Action::create, 574.8);
    add_component(run, "hours", 1460, 0.379998, "gcp/compute_engine/n1-standard-8/us-central1");
    add_component(run, "GB-months", 200, 0.1, "gcp/persistent_disk/pd-balanced/us-central1");
    // 1 GPU per pod x 3 replicas x 730 hours = 2,190 GPU-hours.
    run.add("ml/Deployment/infer", "Deployment", R"({"spec": {"replicas": 3, "template": {"spec":
        {"containers": [{"name": "s", "resources": {"limits": {"nvidia.com/gpu": 1}}}]}}}})");
    // No GPUs: nothing.
    run.add("aws_instance.web", "aws_instance", R"({"instance_type": "m5.large"})", {},
            Action::create, 70.08);
    add_component(run, "hours", 730, 0.096, "aws/ec2/m5.large/us-east-1");
    // 2,920 + 2,920 + 2,190 = 8,030 GPU-hours.
    auto findings =
        run.evaluate("rules:\n  - id: gpu\n    kind: ai_budget\n    max_gpu_hours: 8000\n");
    REQUIRE(findings.size() == 1);
    CHECK(findings[0].message ==
          "Monthly GPU-hours of 8,030 GPU-hours is over the 8,000 GPU-hours budget");
    CHECK(run.evaluate("rules:\n  - id: gpu\n    kind: ai_budget\n    max_gpu_hours: 8030\n")
              .empty());

    // A GPU Job's pod-hours depend on usage: the sum is a lower bound.
    run.add("ml/Job/train", "Job", R"({"spec": {"template": {"spec": {"containers":
        [{"name": "t", "resources": {"limits": {"nvidia.com/gpu": 8}}}]}}}})");
    findings = run.evaluate("rules:\n  - id: gpu\n    kind: ai_budget\n    max_gpu_hours: 9000\n"
                            "    when_incomplete: fail\n");
    REQUIRE(findings.size() == 1);
    CHECK(findings[0].message ==
          "Monthly GPU-hours of at least 8,030 GPU-hours could not be confirmed within the 9,000 "
          "GPU-hours budget: 1 resource(s) left out (ml/Job/train)");
    CHECK(findings[0].severity == Severity::fail);
}

TEST_CASE("ai_budget findings can be exempted and need a limit", "[policy][rules][ai_budget]") {
    check_exemptions_apply(deployments(), token_budget(300e6), "tokens", "*");
    PolicyRun run;
    CHECK_THROWS_WITH(run.evaluate("rules:\n  - id: a\n    kind: ai_budget\n"),
                      Catch::Contains("ai_budget needs at least one of \"max_monthly_tokens\""));
}
