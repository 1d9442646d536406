#include "policy_fixtures.hpp"

using namespace costgate;
using namespace costgate::policy;
using namespace costgate::testing;

namespace {

const std::string k_spot_required = R"(rules:
  - id: spot-training
    kind: spot_required
    match: {gpu: true}
)";

std::string gpu_job(const std::string& pod_extra) {
    return R"({"apiVersion": "batch/v1", "kind": "Job", "metadata": {"name": "train"},
               "spec": {"template": {"spec": {)" +
           pod_extra + R"("containers": [{"name": "t", "image": "t:1",
               "resources": {"limits": {"nvidia.com/gpu": 1}}}]}}}})";
}

} // namespace

TEST_CASE("spot_required reports GPU machines bought on demand", "[policy][rules][spot_required]") {
    PolicyRun run;
    run.add("aws_instance.on_demand", "aws_instance", R"({"instance_type": "p3.2xlarge"})");
    run.add("aws_instance.spot", "aws_instance",
            R"({"instance_type": "p3.2xlarge",
                "instance_market_options": [{"market_type": "spot"}]})");
    run.add("aws_eks_node_group.spot", "aws_eks_node_group",
            R"({"instance_types": ["g5.xlarge"], "capacity_type": "SPOT"})");
    run.add("aws_eks_node_group.on_demand", "aws_eks_node_group",
            R"({"instance_types": ["g5.xlarge"], "capacity_type": "ON_DEMAND"})");
    run.add("google_compute_instance.spot", "google_compute_instance",
            R"({"machine_type": "n1-standard-8", "guest_accelerator": [{"count": 1}],
                "scheduling": [{"provisioning_model": "SPOT"}]})");
    run.add("google_container_node_pool.preemptible", "google_container_node_pool",
            R"({"node_config": [{"machine_type": "n1-standard-8", "preemptible": true,
                "guest_accelerator": [{"count": 2}]}]})");
    run.add("google_container_node_pool.standard", "google_container_node_pool",
            R"({"node_config": [{"machine_type": "n1-standard-8", "spot": false,
                "guest_accelerator": [{"count": 2}]}]})");
    // Not on GPUs: not selected.
    run.add("aws_instance.web", "aws_instance", R"({"instance_type": "m5.large"})");
    const auto findings = run.evaluate(k_spot_required);
    REQUIRE(findings.size() == 3);
    CHECK(findings[0].resource == "aws_eks_node_group.on_demand");
    CHECK(findings[1].resource == "aws_instance.on_demand");
    CHECK(findings[1].message == "aws_instance.on_demand must run on spot or preemptible "
                                 "capacity, but it asks for on-demand capacity");
    CHECK(findings[2].resource == "google_container_node_pool.standard");
}

TEST_CASE("spot_required reads a workload's node selector and required node affinity",
          "[policy][rules][spot_required]") {
    PolicyRun run;
    run.add("ml/Job/plain", "Job", gpu_job(""));
    run.add("ml/Job/gke-spot", "Job",
            gpu_job(R"("nodeSelector": {"cloud.google.com/gke-spot": "true"},)"));
    run.add("ml/Job/karpenter", "Job", gpu_job(R"("affinity": {"nodeAffinity": {
        "requiredDuringSchedulingIgnoredDuringExecution": {"nodeSelectorTerms": [
          {"matchExpressions": [{"key": "karpenter.sh/capacity-type", "operator": "In",
                                 "values": ["spot"]}]}]}}},)"));
    // Spot or on-demand is no requirement.
    run.add("ml/Job/either", "Job", gpu_job(R"("affinity": {"nodeAffinity": {
        "requiredDuringSchedulingIgnoredDuringExecution": {"nodeSelectorTerms": [
          {"matchExpressions": [{"key": "karpenter.sh/capacity-type", "operator": "In",
                                 "values": ["spot", "on-demand"]}]}]}}},)"));
    const auto findings = run.evaluate(k_spot_required);
    REQUIRE(findings.size() == 2);
    CHECK(findings[0].resource == "ml/Job/either");
    CHECK(findings[0].message ==
          "ml/Job/either must run on spot or preemptible capacity, but its pods select no spot "
          "nodes");
    CHECK(findings[1].resource == "ml/Job/plain");
}

TEST_CASE("spot_required leaves types without a spot choice alone, per environment",
          "[policy][rules][spot_required]") {
    PolicyRun run;
    run.add("azurerm_cognitive_deployment.chat", "azurerm_cognitive_deployment",
            R"({"model": [{"name": "gpt-4o"}]})");
    run.add("azurerm_linux_virtual_machine.prod", "azurerm_linux_virtual_machine",
            R"({"size": "Standard_B2s", "priority": "Regular"})", {{"env", "prod"}});
    run.add("azurerm_linux_virtual_machine.dev", "azurerm_linux_virtual_machine",
            R"({"size": "Standard_B2s", "priority": "Regular"})", {{"env", "dev"}});
    run.add("azurerm_linux_virtual_machine.dev_spot", "azurerm_linux_virtual_machine",
            R"({"size": "Standard_B2s", "priority": "Spot"})", {{"env", "dev"}});
    const auto findings = run.evaluate(
        "rules:\n  - id: spot\n    kind: spot_required\n    match: {tags: {env: [dev]}}\n");
    REQUIRE(findings.size() == 1);
    CHECK(findings[0].resource == "azurerm_linux_virtual_machine.dev");
}

TEST_CASE("spot_required findings can be exempted until the exemption expires",
          "[policy][rules][spot_required]") {
    PolicyRun run;
    run.add("aws_instance.train", "aws_instance", R"({"instance_type": "p3.2xlarge"})");
    check_exemptions_apply(run, k_spot_required, "spot-training", "aws_instance.*");
}
