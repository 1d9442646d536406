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

namespace {

// The value of `yaml_value` as the manifest reader types it (plain scalars typed, quoted
// ones strings), through a one-key object.
JsonTree field(const std::string& json_value) {
    return JsonTree(nlohmann::json::parse("{\"v\": " + json_value + "}"));
}

} // namespace

TEST_CASE("a Kubernetes quantity is read or refused, never taken as not set", "[util][k8s]") {
    // Values in base units: cores, bytes, a count.
    const std::vector<std::pair<std::string, double>> good = {{"2", 2},
                                                              {"0", 0},
                                                              {"-0.0", 0},
                                                              {"0.5", 0.5},
                                                              {"\"500m\"", 0.5},
                                                              {"\"1.5\"", 1.5},
                                                              {"\"1Gi\"", 1073741824},
                                                              {"\"64Mi\"", 67108864},
                                                              {"\"1e3\"", 1000},
                                                              {"\"2k\"", 2000}};
    for (const auto& [json, value] : good) {
        const JsonTree tree = field(json);
        CAPTURE(json);
        CHECK(k8s::quantity_field(tree.root().find("v"), "cpu") == Approx(value));
    }
    for (const char* json : {"\"64GiB\"", "\"1.5.3\"", "\"-2\"", "-2", "\"-100Gi\"", "\"-1\"",
                             "\"0x10\"", "\"1_000\"", "\".nan\"", "\"nan\"", "\"inf\"", "\"three\"",
                             "\"\"", "true", "[1]", "{\"a\": 1}", "\"1e3k\""}) {
        const JsonTree tree = field(json);
        CAPTURE(json);
        CHECK_THROWS_WITH(k8s::quantity_field(tree.root().find("v"), "resources.requests.cpu"),
                          Catch::StartsWith("resources.requests.cpu must be a Kubernetes "
                                            "quantity of at least 0"));
    }
    const JsonTree null_value = field("null");
    CHECK_FALSE(k8s::quantity_field(null_value.root().find("v"), "cpu"));
    CHECK_FALSE(k8s::quantity_field(null_value.root().find("absent"), "cpu"));
}

TEST_CASE("a Kubernetes count is a whole int32 or refused", "[util][k8s]") {
    for (const auto& [json, value] : std::vector<std::pair<std::string, long>>{
             {"0", 0}, {"3", 3}, {"3.0", 3}, {"2147483647", 2147483647}}) {
        const JsonTree tree = field(json);
        CAPTURE(json);
        CHECK(k8s::count_field(tree.root().find("v"), "spec.replicas") == value);
    }
    // `replicas: 0x10`, `1_000`, `.nan` and `three` are strings to the YAML core schema.
    for (const char* json : {"\"0x10\"", "\"1_000\"", "\".nan\"", "\"three\"", "\"3\"", "-1", "1.5",
                             "2147483648", "1e308", "true", "[3]", "{\"a\": 3}"}) {
        const JsonTree tree = field(json);
        CAPTURE(json);
        CHECK_THROWS_WITH(k8s::count_field(tree.root().find("v"), "spec.replicas"),
                          Catch::StartsWith("spec.replicas must be a whole number from 0 to "
                                            "2147483647, found "));
    }
    const JsonTree null_value = field("null");
    CHECK_FALSE(k8s::count_field(null_value.root().find("v"), "spec.replicas"));
}
