#include "costgate/util/k8s_object.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

using namespace costgate;
using namespace costgate::util;

namespace {

Resource object(const std::string& address, const std::string& type, nlohmann::json after) {
    const auto k8s = parse_kubernetes_address(address);
    Resource resource = kubernetes_resource(type, k8s->k8s_namespace, k8s->name);
    resource.after = JsonTree(after);
    return resource;
}

PricedResource autoscaler(const std::string& address, nlohmann::json target) {
    return {object(address, "HorizontalPodAutoscaler",
                   {{"metadata", {{"name", address}}},
                    {"spec", {{"scaleTargetRef", std::move(target)}}}}),
            {}};
}

} // namespace

TEST_CASE("the autoscaler of a workload is the one in its namespace that targets it",
          "[util][k8s]") {
    const Resource workload =
        object("team-a/Deployment/api", "Deployment", nlohmann::json::object());
    const std::vector<PricedResource> hpas = {
        autoscaler("team-b/HorizontalPodAutoscaler/api", {{"kind", "Deployment"}, {"name", "api"}}),
        autoscaler("team-a/HorizontalPodAutoscaler/other",
                   {{"kind", "Deployment"}, {"name", "web"}}),
        autoscaler("team-a/HorizontalPodAutoscaler/sts",
                   {{"kind", "StatefulSet"}, {"name", "api"}}),
        autoscaler("team-a/HorizontalPodAutoscaler/api", {{"kind", "Deployment"}, {"name", "api"}}),
    };
    const std::vector<const Resource*> candidates = k8s::autoscalers_among(hpas);
    REQUIRE(candidates.size() == 4);
    CHECK(k8s::find_autoscaler(workload, candidates) == hpas[3].resource.after->root());
    CHECK_FALSE(k8s::find_autoscaler(workload, {candidates[0], candidates[1], candidates[2]}));
}

TEST_CASE("an autoscaler whose target kind or name is not a string targets nothing",
          "[util][k8s]") {
    // nlohmann's value("kind", std::string()) threw type_error here: "internal error".
    const Resource workload =
        object("default/Deployment/api", "Deployment", nlohmann::json::object());
    const std::vector<PricedResource> hpas = {
        autoscaler("default/HorizontalPodAutoscaler/a", {{"kind", 3}, {"name", "api"}}),
        autoscaler("default/HorizontalPodAutoscaler/b",
                   {{"kind", "Deployment"}, {"name", nullptr}}),
    };
    CHECK_FALSE(k8s::find_autoscaler(workload, k8s::autoscalers_among(hpas)));
}
