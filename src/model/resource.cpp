#include "costgate/model/resource.hpp"

namespace costgate {

std::string_view to_string(Cloud cloud) {
    switch (cloud) {
    case Cloud::aws:
        return "aws";
    case Cloud::gcp:
        return "gcp";
    case Cloud::azure:
        return "azure";
    case Cloud::kubernetes:
        return "k8s";
    case Cloud::other:
        return "other";
    }
    return "other";
}

Cloud cloud_of_provider(std::string_view provider) {
    if (provider == "aws")
        return Cloud::aws;
    if (provider == "google" || provider == "google-beta")
        return Cloud::gcp;
    if (provider == "azurerm")
        return Cloud::azure;
    if (provider == "kubernetes")
        return Cloud::kubernetes;
    return Cloud::other;
}

Resource kubernetes_resource(std::string kind, std::string k8s_namespace, std::string name) {
    Resource resource;
    resource.address = k8s_namespace + "/" + kind + "/" + name;
    resource.type = std::move(kind);
    resource.provider = "kubernetes";
    resource.cloud = Cloud::kubernetes;
    resource.source = Source::kubernetes;
    resource.k8s_namespace = std::move(k8s_namespace);
    resource.k8s_name = std::move(name);
    return resource;
}

std::optional<KubernetesAddress> parse_kubernetes_address(std::string_view address) {
    // Namespaces and kinds hold no slash: the first two split the address.
    const std::size_t first = address.find('/');
    if (first == std::string_view::npos)
        return std::nullopt;
    const std::size_t second = address.find('/', first + 1);
    if (second == std::string_view::npos)
        return std::nullopt;
    return KubernetesAddress{std::string(address.substr(0, first)),
                             std::string(address.substr(first + 1, second - first - 1)),
                             std::string(address.substr(second + 1))};
}

std::string resource_module(const Resource& resource) {
    if (resource.source != Source::terraform)
        return {};
    // Module names cannot contain dots, but for_each keys can: walk `module.NAME[KEY].`
    // segments, skipping bracketed keys as a whole.
    std::size_t end = 0;
    std::size_t position = 0;
    const std::string& address = resource.address;
    while (address.compare(position, 7, "module.") == 0) {
        position += 7;
        while (position < address.size() && address[position] != '.') {
            if (address[position] == '[') {
                const std::size_t close = address.find("]", position);
                if (close == std::string::npos)
                    return address.substr(0, end);
                position = close;
            }
            ++position;
        }
        end = position;
        ++position;
    }
    return address.substr(0, end);
}

} // namespace costgate
