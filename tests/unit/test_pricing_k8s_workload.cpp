#include "costgate/ingest/k8s_manifests.hpp"
#include "pricing_fixtures.hpp"

#include <catch2/catch.hpp>

using namespace costgate;
using namespace costgate::ingest;
using namespace costgate::pricing;

namespace {

Estimate estimate_manifest(const std::string& manifest) {
    return estimate_costs(read_k8s_manifest_text({"app.yaml", manifest}), Catalog::embedded(),
                          Usage(), {});
}

// A Deployment `web` (line 1) with `spec` lines before its template and one container.
std::string deployment(const std::string& spec, const std::string& container) {
    return "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\nspec:\n" + spec +
           "  template:\n    spec:\n      containers:\n" + container;
}

const std::string k_container =
    "      - {name: a, resources: {requests: {cpu: '1', memory: 1Gi}}}\n";

std::string hpa(const std::string& spec) {
    return "---\napiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\nmetadata: {name: h}\n"
           "spec:\n  scaleTargetRef: {kind: Deployment, name: web}\n" +
           spec;
}

} // namespace

TEST_CASE("Kubernetes values costgate cannot read are bad input at the object, never defaults",
          "[pricing][k8s]") {
    // {manifest, what the message says after "app.yaml:1: default/<Kind>/<name>: "}.
    const std::vector<std::pair<std::string, std::string>> cases = {
        {deployment("  replicas: 0x10\n", k_container), "spec.replicas must be a whole number"},
        {deployment("  replicas: 1_000\n", k_container), "found \"1_000\""},
        {deployment("  replicas: .nan\n", k_container), "found \".nan\""},
        {deployment("  replicas: three\n", k_container), "found \"three\""},
        {deployment("  replicas: '3'\n", k_container), "found \"3\""},
        {deployment("  replicas: !!python/object:os.X {a: 1}\n", k_container),
         "spec.replicas must be a whole number"},
        {deployment("", "      - {name: a, resources: {requests: {cpu: '1', memory: 64GiB}}}\n"),
         "container a: resources.requests.memory must be a Kubernetes quantity of at least 0 "
         "(\"2\", \"500m\", \"1.5Gi\"), found \"64GiB\""},
        {deployment("", "      - {name: a, resources: {requests: {cpu: 1.5.3, memory: 1Gi}}}\n"),
         "resources.requests.cpu must be a Kubernetes quantity"},
        {deployment("", "      - {name: a, resources: {requests: {cpu: '-2', memory: 1Gi}}}\n"),
         "found \"-2\""},
        {deployment("", "      - {name: a, resources: {requests: {cpu: 1, memory: 1Gi}, limits: "
                        "{nvidia.com/gpu: -1}}}\n"),
         "resources.limits.nvidia.com/gpu must be a Kubernetes quantity"},
        {deployment("", "      - {name: a, resources: {limits: [cpu]}}\n"),
         "resources.limits must be a mapping, found array"},
        {deployment("", "        name: a\n"),
         "containers must be a list of at least one container, found object"},
        {deployment("", "        []\n"), "found an empty list"},
        {deployment("", "      - {name: a, resources: {requests: {cpu: 1, memory: 1Gi}}}\n"
                        "      initContainers: {name: i}\n"),
         "initContainers must be a list, found object"},
        {deployment("", k_container) + hpa("  minReplicas: 5\n  maxReplicas: 2\n"),
         "maxReplicas (2) is below its minReplicas (5)"},
        {deployment("", k_container) + hpa("  minReplicas: 0\n  maxReplicas: 0\n"),
         "minReplicas must be at least 1"},
        {deployment("", k_container) + hpa("  minReplicas: two\n  maxReplicas: 3\n"),
         "its HorizontalPodAutoscaler's spec.minReplicas must be a whole number"},
        {deployment("", k_container) + hpa("  minReplicas: 1\n"), "maxReplicas is missing"},
        {"apiVersion: v1\nkind: Service\nmetadata: {name: web}\nspec: {type: Loadbalancer}\n",
         "spec.type must be ClusterIP, NodePort, LoadBalancer or ExternalName, found "
         "\"Loadbalancer\""},
        {"apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata: {name: data}\nspec:\n  "
         "resources: {requests: {storage: -100Gi}}\n",
         "spec.resources.requests.storage must be a Kubernetes quantity"},
    };
    for (const auto& [manifest, message] : cases) {
        CAPTURE(manifest);
        CHECK_THROWS_WITH(estimate_manifest(manifest),
                          Catch::StartsWith("app.yaml:1: default/") && Catch::Contains(message));
    }
}

TEST_CASE("Kubernetes values that are there and readable are priced as written", "[pricing][k8s]") {
    // 1 vCPU and 1 GiB per pod; the default profile's rates make the same cost whatever
    // spelling gives them, and three replicas cost three times one.
    const auto monthly = [](const std::string& manifest) {
        const Estimate estimate = estimate_manifest(manifest);
        REQUIRE(estimate.resources.at(0).estimate.priced);
        return estimate.resources.at(0).estimate.monthly_after->micros();
    };
    const auto one = monthly(deployment("", k_container));
    CHECK(one > 0);
    CHECK(monthly(deployment("  replicas: 3\n", k_container)) == 3 * one);
    CHECK(monthly(deployment("  replicas: 3.0\n", k_container)) == 3 * one);
    CHECK(monthly(deployment(
              "", "      - {name: a, resources: {requests: {cpu: 1000m, memory: 1024Mi}}}\n")) ==
          one);
    // An HPA's minimum prices the workload; min == max is allowed.
    CHECK(monthly(deployment("", k_container) + hpa("  minReplicas: 2\n  maxReplicas: 2\n")) ==
          2 * one);
    CHECK(monthly("apiVersion: v1\nkind: Service\nmetadata: {name: web}\nspec: {type: "
                  "NodePort}\n") == 0);
}

TEST_CASE("merge keys in containers bring their requests in, the container's own keys winning",
          "[pricing][k8s]") {
    const std::string defaults =
        "x-defaults: &defaults\n  resources: {requests: {cpu: '1', memory: 1Gi}}\n  image: a\n";
    const auto monthly = [](const std::string& manifest) {
        const Estimate estimate = estimate_manifest(manifest);
        REQUIRE(estimate.resources.at(0).estimate.priced);
        return estimate.resources.at(0).estimate.monthly_after->micros();
    };
    const auto written = monthly(deployment("", k_container));
    // The manifest reader keeps the unknown top-level key; pricing reads the container only.
    CHECK(monthly(defaults + deployment("", "      - <<: *defaults\n        name: a\n")) ==
          written);
    CHECK(monthly(defaults + deployment("", "      - <<: [*defaults]\n        name: a\n"
                                            "        resources: {requests: {cpu: '2', memory: "
                                            "2Gi}}\n")) == 2 * written);
}

TEST_CASE("a pod is priced on what it requests: CPU alone is enough", "[pricing][k8s]") {
    // The HPA walkthrough's php-apache requests 200m CPU and no memory; it was unpriced as
    // "BestEffort". On the default profile: 0.2 vCPU x $28.00 a vCPU-month = $5.60.
    const Estimate estimate = estimate_manifest(deployment(
        "", "      - {name: php-apache, resources: {requests: {cpu: 200m}, limits: {cpu: 500m}}}\n"
            "      - {name: sidecar}\n"));
    const ResourceEstimate& web = estimate.resources.at(0).estimate;
    CHECK(web.priced);
    CHECK(web.monthly_after->to_cents_string() == "5.60");
    REQUIRE(web.components.size() == 1);
    CHECK(web.components[0].name == "CPU requests (0.2 vCPU per pod, 1 replica)");
    CHECK(web.notes == std::vector<std::string>{
                           "container(s) sidecar request no CPU or memory (BestEffort) and add "
                           "nothing here",
                           "container(s) php-apache request no memory: priced on their CPU only"});
}

TEST_CASE("a pod that requests nothing at all is unpriced, never $0", "[pricing][k8s]") {
    const Estimate estimate = estimate_manifest(deployment("", "      - {name: sleeper}\n"));
    const ResourceEstimate& web = estimate.resources.at(0).estimate;
    CHECK_FALSE(web.priced);
    CHECK_FALSE(web.monthly_after.has_value());
    REQUIRE(web.unpriced.size() == 1);
    CHECK(web.unpriced[0].reason ==
          "the pod requests no CPU, memory or GPU (container(s) sleeper: BestEffort): set "
          "requests so the cost can be attributed");
}
