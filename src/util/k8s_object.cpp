#include "util/k8s_object.hpp"

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

std::string namespace_of(const Resource& resource) {
    return resource.address.substr(0, resource.address.find('/'));
}

std::string name_of(const Resource& resource) {
    return resource.address.substr(resource.address.rfind('/') + 1);
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
    for (const Resource* candidate : autoscalers) {
        const Resource& other = *candidate;
        if (!other.after || namespace_of(other) != namespace_of(workload))
            continue;
        const nlohmann::json* target = json_at(&*other.after, {"spec", "scaleTargetRef"});
        if (target && target->is_object() &&
            target->value("kind", std::string()) == workload.type &&
            target->value("name", std::string()) == name_of(workload))
            return &*other.after;
    }
    return nullptr;
}

} // namespace costgate::k8s
