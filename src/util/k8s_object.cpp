#include "costgate/util/k8s_object.hpp"

#include <string_view>

namespace costgate::util::k8s {

JsonValue json_at(JsonValue object, std::initializer_list<std::string_view> keys) {
    for (const std::string_view key : keys)
        object = object.find(key);
    return object;
}

std::string_view namespace_of(const Resource& resource) {
    return std::string_view(resource.address).substr(0, resource.address.find('/'));
}

std::string_view name_of(const Resource& resource) {
    return std::string_view(resource.address).substr(resource.address.rfind('/') + 1);
}

JsonValue pod_spec(const std::string& kind, JsonValue object) {
    if (kind == "Pod")
        return json_at(object, {"spec"});
    if (kind == "CronJob")
        return json_at(object, {"spec", "jobTemplate", "spec", "template", "spec"});
    return json_at(object, {"spec", "template", "spec"});
}

std::vector<const Resource*> autoscalers_among(const std::vector<Resource>& resources) {
    std::vector<const Resource*> autoscalers;
    for (const Resource& resource : resources)
        if (resource.type == "HorizontalPodAutoscaler")
            autoscalers.push_back(&resource);
    return autoscalers;
}

JsonValue find_autoscaler(const Resource& workload,
                          const std::vector<const Resource*>& autoscalers) {
    const std::string_view workload_namespace = namespace_of(workload);
    const std::string_view workload_name = name_of(workload);
    for (const Resource* candidate : autoscalers) {
        const Resource& other = *candidate;
        if (!other.after || namespace_of(other) != workload_namespace)
            continue;
        const JsonValue target = json_at(*other.after, {"spec", "scaleTargetRef"});
        if (target.find("kind").is_string(workload.type) &&
            target.find("name").is_string(workload_name))
            return *other.after;
    }
    return {};
}

} // namespace costgate::util::k8s
