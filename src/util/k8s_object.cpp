#include "util/k8s_object.hpp"

#include <string_view>

namespace costgate::k8s {

const nlohmann::json* json_at(const nlohmann::json* object,
                              std::initializer_list<const char*> keys) {
    for (const char* key : keys) {
        if (!object || !object->is_object())
            return nullptr;
        const auto found = object->find(key);
        object = found == object->end() ? nullptr : &*found;
    }
    return object;
}

std::string_view namespace_of(const Resource& resource) {
    return std::string_view(resource.address).substr(0, resource.address.find('/'));
}

std::string_view name_of(const Resource& resource) {
    return std::string_view(resource.address).substr(resource.address.rfind('/') + 1);
}

const nlohmann::json* pod_spec(const std::string& kind, const nlohmann::json* object) {
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

const nlohmann::json* find_autoscaler(const Resource& workload,
                                      const std::vector<const Resource*>& autoscalers) {
    const std::string_view workload_namespace = namespace_of(workload);
    const std::string_view workload_name = name_of(workload);
    const auto is_string = [](const nlohmann::json& object, const char* key,
                              std::string_view expected) {
        const auto found = object.find(key);
        return found != object.end() && found->is_string() &&
               found->get_ref<const std::string&>() == expected;
    };
    for (const Resource* candidate : autoscalers) {
        const Resource& other = *candidate;
        if (!other.after || namespace_of(other) != workload_namespace)
            continue;
        const nlohmann::json* target = json_at(&*other.after, {"spec", "scaleTargetRef"});
        if (target && target->is_object() && is_string(*target, "kind", workload.type) &&
            is_string(*target, "name", workload_name))
            return &*other.after;
    }
    return nullptr;
}

} // namespace costgate::k8s
