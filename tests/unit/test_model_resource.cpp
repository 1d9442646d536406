#include "costgate/model/resource.hpp"
#include "costgate/model/resource_order.hpp"

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

namespace {

Resource listed(const std::string& address, Source source, const std::string& file, int line) {
    Resource resource;
    resource.address = address;
    resource.source = source;
    resource.file = file;
    resource.line = line;
    return resource;
}

/// address@file:line of each resource, in order.
std::vector<std::string> listing(const std::vector<Resource>& resources) {
    std::vector<std::string> lines;
    for (const Resource& resource : resources)
        lines.push_back(resource.address + "@" + resource.file + ":" +
                        std::to_string(resource.line));
    return lines;
}

} // namespace

TEST_CASE("resources are sorted by address, source and file, stably", "[model][resource]") {
    std::vector<Resource> resources = {
        listed("b", Source::terraform, "two.json", 1),
        listed("a", Source::kubernetes, "k.yaml", 2),
        listed("b", Source::terraform, "one.json", 3),
        listed("a", Source::terraform, "z.json", 4),
        listed("c", Source::terraform, "one.json", 5),
        // Equal to the first in address, source and file: stays after it.
        listed("b", Source::terraform, "two.json", 6),
        listed("a", Source::terraform, "z.json", 7),
    };
    sort_resources(resources);
    CHECK(listing(resources) == std::vector<std::string>{"a@z.json:4", "a@z.json:7", "a@k.yaml:2",
                                                         "b@one.json:3", "b@two.json:1",
                                                         "b@two.json:6", "c@one.json:5"});
    // Sorted input is left as it is.
    const std::vector<std::string> sorted = listing(resources);
    sort_resources(resources);
    CHECK(listing(resources) == sorted);
}

TEST_CASE("sorting resources moves every one to its place through long cycles",
          "[model][resource]") {
    // Position i holds address (i + 3) mod 10: every resource moves, in one cycle of ten.
    std::vector<Resource> resources;
    for (int i = 0; i < 10; ++i)
        resources.push_back(listed(std::to_string((i + 3) % 10), Source::terraform, "p.json", i));
    sort_resources(resources);
    for (int i = 0; i < 10; ++i) {
        CHECK(resources[static_cast<std::size_t>(i)].address == std::to_string(i));
        // Address i was at position (i + 7) mod 10.
        CHECK(resources[static_cast<std::size_t>(i)].line == (i + 7) % 10);
    }
}
