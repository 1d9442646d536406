#include "policy_fixtures.hpp"

using namespace costgate;
using namespace costgate::policy;
using namespace costgate::testing;

namespace {

const std::string k_guard_rails = R"(rules:
  - id: k8s
    kind: kubernetes
    requests_required: true
    limits_required: [memory]
    max_cpu_per_container: "4"
    max_memory_per_container: 16Gi
    max_replicas: 10
)";

std::string deployment(const std::string& replicas, const std::string& container) {
    return R"({"kind": "Deployment", "spec": {"replicas": )" + replicas +
           R"(, "template": {"spec": {"containers": [)" + container + "]}}}}";
}

} // namespace

TEST_CASE("kubernetes requires requests and limits on every app container",
          "[policy][rules][kubernetes]") {
    PolicyRun run;
    run.add("web/Deployment/ok", "Deployment",
            deployment(
                "2", R"({"name": "app", "resources": {"requests": {"cpu": "500m", "memory": "1Gi"},
                                                              "limits": {"memory": "1Gi"}}})"));
    run.add("web/Deployment/bare", "Deployment", deployment("1", R"({"name": "app"})"));
    run.add("web/Deployment/half", "Deployment",
            deployment("1", R"({"name": "app", "resources": {"limits": {"memory": "1Gi"}}})"));
    const auto findings = run.evaluate(k_guard_rails);
    REQUIRE(findings.size() == 3);
    CHECK(findings[0].resource == "web/Deployment/bare");
    CHECK(findings[0].message == "web/Deployment/bare: container app sets no limits for memory");
    CHECK(findings[1].message ==
          "web/Deployment/bare: container app sets no requests for cpu, memory");
    CHECK(findings[2].message ==
          "web/Deployment/half: container app sets no requests for cpu, memory");
}

TEST_CASE("kubernetes caps container sizes and replicas, an HPA's maximum included",
          "[policy][rules][kubernetes]") {
    PolicyRun run;
    const std::string sized =
        R"({"name": "app", "resources": {"requests": {"cpu": 8, "memory": "1Gi"},
                                                              "limits": {"memory": "32Gi"}}})";
    run.add("web/Deployment/big", "Deployment", deployment("12", sized));
    run.add(
        "web/Deployment/scaled", "Deployment",
        deployment(
            "2",
            R"({"name": "a", "resources": {"requests": {"cpu": 1, "memory": "1Gi"}, "limits": {"memory": "1Gi"}}})"));
    run.add(
        "web/HorizontalPodAutoscaler/scaled", "HorizontalPodAutoscaler",
        R"({"spec": {"scaleTargetRef": {"kind": "Deployment", "name": "scaled"}, "maxReplicas": 50}})");
    const auto findings = run.evaluate(k_guard_rails);
    REQUIRE(findings.size() == 4);
    CHECK(findings[0].message == "web/Deployment/big may run 12 replicas, over the limit of 10");
    CHECK(findings[1].message == "web/Deployment/big: container app has a cpu request of 8, over "
                                 "the per-container cap of 4");
    CHECK(findings[2].message == "web/Deployment/big: container app has a memory limit of 32Gi, "
                                 "over the per-container cap of 16Gi");
    CHECK(findings[3].message == "web/Deployment/scaled may run 50 replicas (its "
                                 "HorizontalPodAutoscaler's maxReplicas), over the limit of 10");
}

TEST_CASE("kubernetes asks GPU workloads for an approval label or annotation",
          "[policy][rules][kubernetes]") {
    const std::string gpu = R"({"name": "train", "resources": {"limits": {"nvidia.com/gpu": 1}}})";
    PolicyRun run;
    run.add("ml/Job/approved", "Job",
            R"({"spec": {"template": {"metadata": {"labels": {"gpu-approved": "FIN-9"}},
                                      "spec": {"containers": [)" +
                gpu + "]}}}}");
    run.add("ml/Job/rogue", "Job",
            R"({"spec": {"template": {"spec": {"containers": [)" + gpu + "]}}}}");
    run.add("ml/Job/cpu", "Job",
            R"({"spec": {"template": {"spec": {"containers": [{"name": "c"}]}}}})");
    const auto findings = run.evaluate(
        "rules:\n  - id: gpu\n    kind: kubernetes\n    gpu_approval: {labels: [gpu-approved]}\n");
    REQUIRE(findings.size() == 1);
    CHECK(findings[0].resource == "ml/Job/rogue");
    CHECK(findings[0].message ==
          "ml/Job/rogue requests GPUs without the approval label gpu-approved");
}

TEST_CASE("kubernetes does not match objects outside its selection or Terraform resources",
          "[policy][rules][kubernetes]") {
    PolicyRun run;
    run.add("web/Deployment/bare", "Deployment", deployment("1", R"({"name": "app"})"));
    run.add("aws_instance.a", "aws_instance", "{}");
    CHECK(run.evaluate(k_guard_rails + "    match: {namespaces: [prod-*]}\n").empty());
    CHECK(run.evaluate(k_guard_rails).size() == 2);
}

TEST_CASE("kubernetes findings can be exempted until the exemption expires",
          "[policy][rules][kubernetes]") {
    PolicyRun run;
    run.add("web/Deployment/bare", "Deployment", deployment("1", R"({"name": "app"})"));
    check_exemptions_apply(run, k_guard_rails, "k8s", "web/Deployment/bare");
}

TEST_CASE("kubernetes names a container whose name is not a string (unnamed)",
          "[policy][rules][kubernetes]") {
    // nlohmann's value("name", ...) threw type_error on a numeric name: "internal error".
    PolicyRun run;
    run.add("web/Deployment/odd", "Deployment", deployment("1", R"({"name": 7})"));
    const auto findings = run.evaluate(k_guard_rails);
    REQUIRE(findings.size() == 2);
    CHECK(findings[0].message ==
          "web/Deployment/odd: container (unnamed) sets no limits for memory");
}
