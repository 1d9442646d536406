#include "resource_hardware.hpp"

#include "attribute_paths.hpp"
#include "costgate/util/k8s_object.hpp"

#include <algorithm>
#include <array>

namespace costgate::policy {

namespace {

/// Where each resource type names its instance type, VM size, machine type or class.
struct SizeAttribute {
    std::string_view type;
    std::string_view path;
};

// Sorted by type.
constexpr std::array<SizeAttribute, 21> k_size_attributes = {{
    {"aws_db_instance", "instance_class"},
    {"aws_eks_node_group", "instance_types"},
    {"aws_elasticache_cluster", "node_type"},
    {"aws_elasticache_replication_group", "node_type"},
    {"aws_instance", "instance_type"},
    {"aws_launch_configuration", "instance_type"},
    {"aws_launch_template", "instance_type"},
    {"aws_rds_cluster_instance", "instance_class"},
    {"aws_spot_instance_request", "instance_type"},
    {"azurerm_kubernetes_cluster", "default_node_pool.vm_size"},
    {"azurerm_kubernetes_cluster_node_pool", "vm_size"},
    {"azurerm_linux_virtual_machine", "size"},
    {"azurerm_linux_virtual_machine_scale_set", "sku"},
    {"azurerm_virtual_machine", "vm_size"},
    {"azurerm_windows_virtual_machine", "size"},
    {"azurerm_windows_virtual_machine_scale_set", "sku"},
    {"google_compute_instance", "machine_type"},
    {"google_compute_instance_template", "machine_type"},
    {"google_container_cluster", "node_config.machine_type"},
    {"google_container_node_pool", "node_config.machine_type"},
    {"google_sql_database_instance", "settings.tier"},
}};

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
    const auto entry = std::lower_bound(
        k_size_attributes.begin(), k_size_attributes.end(), resource.type,
        [](const SizeAttribute& a, const std::string& type) { return a.type < type; });
    if (entry == k_size_attributes.end() || entry->type != resource.type)
        return types;
    for (const JsonValue value : values_at(after, entry->path))
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

namespace {

bool requests_gpus(JsonValue container) {
    for (const char* section : {"requests", "limits"}) {
        const JsonValue values = util::k8s::json_at(container, {"resources", section});
        if (!values.is_object())
            continue;
        for (const JsonValue value : values.children()) {
            if (!value.key().ends_with("/gpu"))
                continue;
            const std::optional<double> count = util::k8s::quantity_field(value, value.key());
            if (count.value_or(0) > 0)
                return true;
        }
    }
    return false;
}

} // namespace

bool uses_gpus(const Resource& resource) {
    if (!resource.after)
        return false;
    const JsonValue after = *resource.after;
    if (resource.source == Source::kubernetes) {
        const JsonValue spec = util::k8s::pod_spec(resource.type, after);
        for (const char* list : {"containers", "initContainers"}) {
            const JsonValue containers = spec.find(list);
            if (containers.is_array() && std::any_of(containers.children().begin(),
                                                     containers.children().end(), requests_gpus))
                return true;
        }
        return false;
    }
    if (largest_number_at(after, {"guest_accelerator.count", "node_config.guest_accelerator.count"})
            .value_or(0) > 0)
        return true;
    for (const std::string& type : instance_types_of(resource))
        if (const auto spec = spec_of(resource, type); spec && spec->gpus > 0)
            return true;
    return false;
}

} // namespace costgate::policy
