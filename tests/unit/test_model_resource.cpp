#include "costgate/model/resource.hpp"

#include <catch2/catch.hpp>

using namespace costgate;

TEST_CASE("a provider's cloud is decided in one place", "[model][resource]") {
    CHECK(cloud_of_provider("aws") == Cloud::aws);
    CHECK(cloud_of_provider("google") == Cloud::gcp);
    CHECK(cloud_of_provider("google-beta") == Cloud::gcp);
    CHECK(cloud_of_provider("azurerm") == Cloud::azure);
    CHECK(cloud_of_provider("kubernetes") == Cloud::kubernetes);
    CHECK(cloud_of_provider("random") == Cloud::other);
    CHECK(cloud_of_provider("awscc") == Cloud::other);
    CHECK(cloud_of_provider("") == Cloud::other);
    CHECK(to_string(Cloud::gcp) == "gcp");
    CHECK(to_string(Cloud::kubernetes) == "k8s");
}

TEST_CASE("a Kubernetes object's address is written and read back in one format",
          "[model][resource]") {
    const Resource deployment = kubernetes_resource("Deployment", "team-a", "api");
    CHECK(deployment.address == "team-a/Deployment/api");
    CHECK(deployment.type == "Deployment");
    CHECK(deployment.k8s_namespace == "team-a");
    CHECK(deployment.k8s_name == "api");
    CHECK(deployment.source == Source::kubernetes);
    CHECK(deployment.cloud == Cloud::kubernetes);
    CHECK(deployment.provider == "kubernetes");

    const auto parsed = parse_kubernetes_address(deployment.address);
    REQUIRE(parsed);
    CHECK(parsed->k8s_namespace == "team-a");
    CHECK(parsed->kind == "Deployment");
    CHECK(parsed->name == "api");
    CHECK_FALSE(parse_kubernetes_address("aws_instance.web"));
    CHECK_FALSE(parse_kubernetes_address("team-a/Deployment"));
}
