#include "pricing/k8s/pod_requests.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

using namespace costgate;
using namespace costgate::pricing;

using costgate::pricing::k8s::DefaultRequests;
using costgate::pricing::k8s::pod_requests;

namespace {

costgate::JsonTree spec(const char* json) {
    return costgate::JsonTree(nlohmann::json::parse(json));
}

} // namespace

TEST_CASE("app containers add up and requests win over limits", "[k8s]") {
    const auto pod = pricing::k8s::pod_requests(spec(R"({"containers": [
        {"name": "a", "resources": {"requests": {"cpu": "500m", "memory": "1Gi"}, "limits": {"cpu": "2"}}},
        {"name": "b", "resources": {"limits": {"cpu": 1, "memory": "512Mi"}}}]})"),
                                                {});
    CHECK(pod.cpu_cores == Approx(1.5));
    CHECK(pod.memory_gib == Approx(1.5));
    CHECK(pod.unrequested.empty());
}

TEST_CASE("init containers count only when they need more than the app", "[k8s]") {
    const auto pod = pricing::k8s::pod_requests(spec(R"({
        "initContainers": [{"name": "migrate", "resources": {"requests": {"cpu": "4", "memory": "256Mi"}}}],
        "containers": [{"name": "app", "resources": {"requests": {"cpu": "1", "memory": "2Gi"}}}]})"),
                                                {});
    CHECK(pod.cpu_cores == Approx(4));
    CHECK(pod.memory_gib == Approx(2));
}

TEST_CASE("sidecars run beside the app and before later init containers", "[k8s]") {
    const auto pod = pricing::k8s::pod_requests(spec(R"({
        "initContainers": [
            {"name": "proxy", "restartPolicy": "Always", "resources": {"requests": {"cpu": "1", "memory": "1Gi"}}},
            {"name": "setup", "resources": {"requests": {"cpu": "2", "memory": "1Gi"}}}],
        "containers": [{"name": "app", "resources": {"requests": {"cpu": "500m", "memory": "1Gi"}}}]})"),
                                                {});
    CHECK(pod.cpu_cores == Approx(3));  // setup 2 + proxy 1 beats app 0.5 + proxy 1
    CHECK(pod.memory_gib == Approx(2)); // app 1 + proxy 1 beats setup 1 + proxy 1 (equal)
}

TEST_CASE("GPUs come from any */gpu extended resource", "[k8s]") {
    const auto pod = pricing::k8s::pod_requests(spec(R"({"containers": [
        {"name": "a", "resources": {"requests": {"cpu": 1, "memory": "1Gi"}, "limits": {"nvidia.com/gpu": 2}}},
        {"name": "b", "resources": {"requests": {"cpu": 1, "memory": "1Gi", "amd.com/gpu": "1"}}}]})"),
                                                {});
    CHECK(pod.gpus == 3);
}

TEST_CASE("containers without requests take LimitRange defaults or are BestEffort", "[k8s]") {
    const auto bare = spec(R"({"containers": [{"name": "sleeper"}]})");
    const auto best_effort = pricing::k8s::pod_requests(bare, {});
    CHECK(best_effort.unrequested == std::vector<std::string>{"sleeper"});
    const auto defaulted = pod_requests(bare, pricing::k8s::DefaultRequests{0.1, 0.125});
    CHECK(defaulted.unrequested.empty());
    CHECK(defaulted.cpu_cores == Approx(0.1));
    CHECK(defaulted.memory_gib == Approx(0.125));
    CHECK_FALSE(defaulted.notes.empty());
}

TEST_CASE("a cluster profile's default requests come after the LimitRange's, and are noted",
          "[k8s]") {
    const auto bare = spec(R"({"containers": [
        {"name": "app", "resources": {"requests": {"cpu": "1", "memory": "1Gi"}}},
        {"name": "logger"},
        {"name": "half", "resources": {"requests": {"memory": "256Mi"}}}]})");
    const DefaultRequests autopilot{0.5, 2.0};

    const auto profile_only = pricing::k8s::pod_requests(bare, {}, autopilot);
    CHECK(profile_only.unrequested.empty());
    CHECK(profile_only.assumed == std::vector<std::string>{"logger", "half"});
    CHECK(profile_only.cpu_cores == Approx(1 + 0.5 + 0.5));
    CHECK(profile_only.memory_gib == Approx(1 + 2 + 0.25));

    const auto limit_range_first = pod_requests(bare, {0.1, std::nullopt}, autopilot);
    CHECK(limit_range_first.cpu_cores == Approx(1 + 0.1 + 0.1));
    CHECK(limit_range_first.memory_gib == Approx(1 + 2 + 0.25));
    CHECK(limit_range_first.assumed == std::vector<std::string>{"logger"});

    const auto no_defaults = pod_requests(bare, {}, {});
    CHECK(no_defaults.unrequested == std::vector<std::string>{"logger"});
    CHECK(no_defaults.without_cpu == std::vector<std::string>{"half"});
    CHECK(no_defaults.cpu_cores == Approx(1));
    CHECK(no_defaults.memory_gib == Approx(1 + 0.25));
}

TEST_CASE("a container that requests only CPU counts its CPU, and init containers count too",
          "[k8s]") {
    // The HPA walkthrough's php-apache: requests {cpu: 200m}, no memory; an init container
    // without requests. Before, the pod was unpriced as "BestEffort".
    const auto pod = pod_requests(spec(R"({
        "initContainers": [{"name": "init", "resources": {"requests": {"memory": "1Gi"}}}],
        "containers": [{"name": "php-apache", "resources": {"requests": {"cpu": "200m"},
                                                             "limits": {"cpu": "500m"}}}]})"),
                                  {});
    CHECK(pod.cpu_cores == Approx(0.2));
    // max(app containers 0 GiB, init container 1 GiB)
    CHECK(pod.memory_gib == Approx(1));
    CHECK(pod.unrequested.empty());
    CHECK(pod.without_memory == std::vector<std::string>{"php-apache"});
    CHECK(pod.without_cpu == std::vector<std::string>{"init"});
}
