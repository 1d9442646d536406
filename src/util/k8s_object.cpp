#include "costgate/util/k8s_object.hpp"

#include "costgate/model/error.hpp"
#include "costgate/model/quantity.hpp"

#include <cmath>
#include <nlohmann/json.hpp>
#include <string_view>

namespace costgate::util::k8s {

namespace {

// Kubernetes counts are int32.
constexpr double k_max_count = 2147483647;

// The value as written, for messages: strings quoted, others as JSON.
std::string written(JsonValue value) {
    const std::string text =
        value.is_string()
            ? "\"" + std::string(value.string()) + "\""
            : value.to_nlohmann().dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    // A 10 MB value would make a 10 MB message.
    constexpr std::size_t k_longest = 80;
    return text.size() > k_longest ? text.substr(0, k_longest) + "..." : text;
}

} // namespace

std::optional<double> quantity_field(JsonValue value, std::string_view field) {
    if (!value || value.is_null())
        return std::nullopt;
    std::optional<double> quantity;
    if (value.is_number() && std::isfinite(value.number()) && value.number() >= 0)
        quantity = value.number() + 0.0; // -0 is 0
    else if (value.is_string())
        quantity = parse_quantity(value.string());
    if (!quantity)
        throw InputError({}, std::string(field) +
                                 " must be a Kubernetes quantity of at least 0 (\"2\", \"500m\", "
                                 "\"1.5Gi\"), found " +
                                 written(value));
    return quantity;
}

std::optional<long> count_field(JsonValue value, std::string_view field) {
    if (!value || value.is_null())
        return std::nullopt;
    const double number = value.is_number() ? value.number() : -1;
    if (!value.is_number() || !std::isfinite(number) || number < 0 || number > k_max_count ||
        number != std::floor(number))
        throw InputError({}, std::string(field) +
                                 " must be a whole number from 0 to 2147483647, found " +
                                 written(value));
    return static_cast<long>(number);
}

JsonValue json_at(JsonValue object, std::initializer_list<std::string_view> keys) {
    for (const std::string_view key : keys)
        object = object.find(key);
    return object;
}

namespace {

// The pod template of a workload: the Pod itself, a CronJob's job template's, or spec.template.
JsonValue pod_template(const std::string& kind, JsonValue object) {
    if (kind == "Pod")
        return object;
    if (kind == "CronJob")
        return json_at(object, {"spec", "jobTemplate", "spec", "template"});
    return json_at(object, {"spec", "template"});
}

} // namespace

JsonValue pod_spec(const std::string& kind, JsonValue object) {
    return json_at(pod_template(kind, object), {"spec"});
}

JsonValue pod_metadata(const std::string& kind, JsonValue object) {
    return json_at(pod_template(kind, object), {"metadata"});
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
