#include "costgate/util/k8s_object.hpp"

#include <string_view>

namespace costgate::util::k8s {

JsonValue json_at(JsonValue object, std::initializer_list<std::string_view> keys) {
    for (const std::string_view key : keys)
        object = object.find(key);
    return object;
}

JsonValue pod_spec(const std::string& kind, JsonValue object) {
    if (kind == "Pod")
        return json_at(object, {"spec"});
    if (kind == "CronJob")
        return json_at(object, {"spec", "jobTemplate", "spec", "template", "spec"});
    return json_at(object, {"spec", "template", "spec"});
}

std::vector<const Resource*> autoscalers_among(const std::vector<PricedResource>& resources) {
    std::vector<const Resource*> autoscalers;
    for (const PricedResource& priced : resources)
        if (priced.resource.type == "HorizontalPodAutoscaler")
            autoscalers.push_back(&priced.resource);
    return autoscalers;
}

JsonValue find_autoscaler(const Resource& workload,
                          const std::vector<const Resource*>& autoscalers) {
    for (const Resource* candidate : autoscalers) {
        const Resource& other = *candidate;
        if (!other.after || other.k8s_namespace != workload.k8s_namespace)
            continue;
        const JsonValue target = json_at(*other.after, {"spec", "scaleTargetRef"});
        if (target.find("kind").is_string(workload.type) &&
            target.find("name").is_string(workload.k8s_name))
            return *other.after;
    }
    return {};
}

} // namespace costgate::util::k8s
