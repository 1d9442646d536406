#include "resource_hardware.hpp"

#include "attribute_paths.hpp"
#include "costgate/pricing/resource_type.hpp"
#include "costgate/util/k8s_object.hpp"

#include <algorithm>
#include <array>

namespace costgate::policy {

namespace {

// Kubernetes workloads pin an instance type with these well-known node labels.
constexpr std::array<std::string_view, 2> k_instance_type_labels = {
    "node.kubernetes.io/instance-type", "beta.kubernetes.io/instance-type"};

/// The spec tables' provider for a cloud resource; empty for Kubernetes and others.
std::string_view spec_provider(const Resource& resource) {
    return resource.cloud == Cloud::aws || resource.cloud == Cloud::gcp ||
                   resource.cloud == Cloud::azure
               ? to_string(resource.cloud)
               : std::string_view();
}

} // namespace

std::vector<std::string> instance_types_of(const Resource& resource) {
    std::vector<std::string> types;
    if (!resource.after)
        return types;
    const JsonValue after = *resource.after;
    if (resource.source == Source::kubernetes) {
        const JsonValue selector =
            util::k8s::json_at(util::k8s::pod_spec(resource.type, after), {"nodeSelector"});
        for (const std::string_view label : k_instance_type_labels)
            if (const JsonValue type = selector.find(label); type.is_string())
                types.emplace_back(type.string());
        return types;
    }
    // Where the type names its instance type, VM size, machine type or class.
    const pricing::ResourceType* described = pricing::find_resource_type(resource.type);
    if (!described || described->size_attribute.empty())
        return types;
    for (const JsonValue value : values_at(after, described->size_attribute))
        if (value.is_string() && !value.string().empty())
            types.emplace_back(value.string());
    return types;
}

std::optional<InstanceSpec> spec_of(const Resource& resource, const std::string& type) {
    if (const std::string_view provider = spec_provider(resource); !provider.empty())
        return find_instance_spec(provider, type);
    for (const std::string_view provider : {"aws", "azure", "gcp"})
        if (auto spec = find_instance_spec(provider, type))
            return spec;
    return std::nullopt;
}

double container_gpus(JsonValue container) {
    double largest = 0;
    for (const char* section : {"requests", "limits"}) {
        const JsonValue values = util::k8s::json_at(container, {"resources", section});
        if (!values.is_object())
            continue;
        for (const JsonValue value : values.children())
            if (value.key().ends_with("/gpu"))
                largest =
                    std::max(largest, util::k8s::quantity_field(value, value.key()).value_or(0));
    }
    return largest;
}

double gpus_per_machine(const Resource& resource) {
    double gpus = 0;
    for (const std::string& type : instance_types_of(resource))
        if (const auto spec = spec_of(resource, type))
            gpus = std::max(gpus, static_cast<double>(spec->gpus));
    if (gpus > 0)
        return gpus;
    return largest_number_at(*resource.after,
                             {"guest_accelerator.count", "node_config.guest_accelerator.count"})
        .value_or(0);
}

bool uses_gpus(const Resource& resource) {
    if (!resource.after)
        return false;
    if (resource.source != Source::kubernetes)
        return gpus_per_machine(resource) > 0;
    const JsonValue spec = util::k8s::pod_spec(resource.type, *resource.after);
    for (const char* list : {"containers", "initContainers"}) {
        const JsonValue containers = spec.find(list);
        if (containers.is_array() &&
            std::any_of(containers.children().begin(), containers.children().end(),
                        [](JsonValue container) { return container_gpus(container) > 0; }))
            return true;
    }
    return false;
}

} // namespace costgate::policy
