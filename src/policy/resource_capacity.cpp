#include "resource_capacity.hpp"

#include "attribute_paths.hpp"
#include "costgate/pricing/catalog.hpp"
#include "costgate/pricing/pricer.hpp"
#include "costgate/pricing/resource_type.hpp"
#include "costgate/util/glob.hpp"
#include "costgate/util/k8s_object.hpp"
#include "resource_hardware.hpp"

#include <algorithm>
#include <array>

namespace costgate::policy {

namespace {

/// A node label a pod selects spot or preemptible nodes by, and its value there: GKE,
/// EKS managed node groups, Karpenter and AKS spot pools label their nodes so.
struct SpotLabel {
    std::string_view key;
    std::string_view value;
};

constexpr std::array<SpotLabel, 5> k_spot_labels = {{
    {"cloud.google.com/gke-spot", "true"},
    {"cloud.google.com/gke-preemptible", "true"},
    {"eks.amazonaws.com/capacityType", "SPOT"},
    {"karpenter.sh/capacity-type", "spot"},
    {"kubernetes.azure.com/scalesetpriority", "spot"},
}};

bool is_spot_label(std::string_view key, std::string_view value) {
    return std::any_of(k_spot_labels.begin(), k_spot_labels.end(), [&](const SpotLabel& label) {
        return label.key == key && label.value == value;
    });
}

// Every value of a required node-affinity expression on a spot label is a spot value.
bool expression_selects_spot(JsonValue expression) {
    const JsonValue key = expression.find("key");
    const JsonValue values = expression.find("values");
    if (!key.is_string() || !expression.find("operator").is_string("In") || !values.is_array() ||
        values.empty())
        return false;
    return std::all_of(values.children().begin(), values.children().end(), [&](JsonValue value) {
        return value.is_string() && is_spot_label(key.string(), value.string());
    });
}

// A pod lands on spot nodes when its node selector names a spot label, or when every
// required node-affinity term (they are alternatives) has an expression that does.
bool pod_selects_spot(JsonValue spec) {
    const JsonValue selector = spec.find("nodeSelector");
    if (selector.is_object())
        for (const JsonValue value : selector.children())
            if (value.is_string() && is_spot_label(value.key(), value.string()))
                return true;
    const JsonValue terms = util::k8s::json_at(
        spec, {"affinity", "nodeAffinity", "requiredDuringSchedulingIgnoredDuringExecution",
               "nodeSelectorTerms"});
    if (!terms.is_array() || terms.empty())
        return false;
    return std::all_of(terms.children().begin(), terms.children().end(), [](JsonValue term) {
        const JsonValue expressions = term.find("matchExpressions");
        return expressions.is_array() &&
               std::any_of(expressions.children().begin(), expressions.children().end(),
                           expression_selects_spot);
    });
}

bool value_matches(JsonValue value, const std::string& glob) {
    if (value.is_boolean())
        return glob == (value.boolean() ? "true" : "false");
    return value.is_string() && util::glob_match(glob, value.string());
}

// GPUs one pod's containers ask for.
double gpus_per_pod(JsonValue spec) {
    double gpus = 0;
    const JsonValue containers = spec.find("containers");
    if (containers.is_array())
        for (const JsonValue container : containers.children())
            gpus += container_gpus(container);
    return gpus;
}

bool is_machine_component(const CostComponent& component, const std::vector<std::string>& types) {
    const auto key = pricing::split_price_key(component.price_key);
    if (component.unit != "hours" || !key)
        return false;
    const std::string product = key->product.substr(0, key->product.find('|'));
    return std::find(types.begin(), types.end(), product) != types.end();
}

} // namespace

std::vector<const CostComponent*> machine_components(const PricedResource& priced) {
    const std::vector<std::string> types = instance_types_of(priced.resource);
    std::vector<const CostComponent*> components;
    for (const CostComponent& component : priced.estimate.components)
        if (is_machine_component(component, types))
            components.push_back(&component);
    return components;
}

std::optional<bool> runs_on_spot(const Resource& resource) {
    if (!resource.after)
        return std::nullopt;
    if (resource.source == Source::kubernetes) {
        const JsonValue spec = util::k8s::pod_spec(resource.type, *resource.after);
        return spec ? std::optional(pod_selects_spot(spec)) : std::nullopt;
    }
    const pricing::ResourceType* described = pricing::find_resource_type(resource.type);
    if (!described || described->spot_conditions.empty())
        return std::nullopt;
    for (const auto& condition : described->spot_conditions)
        for (const JsonValue value : values_at(*resource.after, condition.first))
            if (std::any_of(condition.second.begin(), condition.second.end(),
                            [&](const std::string& glob) { return value_matches(value, glob); }))
                return true;
    return false;
}

std::optional<double> gpu_hours_per_month(const PricedResource& priced,
                                          const std::vector<const Resource*>& autoscalers,
                                          bool at_max) {
    const Resource& resource = priced.resource;
    if (!resource.after)
        return 0.0;
    const JsonValue after = *resource.after;
    if (resource.source != Source::kubernetes) {
        const double gpus = gpus_per_machine(resource);
        if (gpus <= 0)
            return 0.0;
        // Machine-hours of the priced machines; none priced leaves them unknown.
        std::optional<double> hours;
        for (const CostComponent* component : machine_components(priced))
            if (component->monthly_quantity)
                hours = hours.value_or(0) + *component->monthly_quantity;
        return hours ? std::optional(gpus * *hours) : std::nullopt;
    }
    const JsonValue spec = util::k8s::pod_spec(resource.type, after);
    const double gpus = spec ? gpus_per_pod(spec) : 0;
    if (gpus <= 0)
        return 0.0;
    if (resource.type == "Job" || resource.type == "CronJob" || resource.type == "DaemonSet")
        return std::nullopt;
    if (resource.type == "Pod")
        return gpus * pricing::k_hours_per_month;
    const JsonValue hpa = util::k8s::find_autoscaler(resource, autoscalers);
    const auto replicas =
        hpa ? util::k8s::count_field(
                  util::k8s::json_at(hpa, {"spec", at_max ? "maxReplicas" : "minReplicas"}),
                  "its HorizontalPodAutoscaler's spec.minReplicas or maxReplicas")
            : util::k8s::count_field(util::k8s::json_at(after, {"spec", "replicas"}),
                                     "spec.replicas");
    return gpus * static_cast<double>(replicas.value_or(1)) * pricing::k_hours_per_month;
}

} // namespace costgate::policy
