#include "pod_requests.hpp"

#include "costgate/model/error.hpp"
#include "costgate/util/k8s_object.hpp"

#include <algorithm>

namespace costgate::pricing::k8s {

namespace {

constexpr double k_bytes_per_gib = 1024.0 * 1024.0 * 1024.0;

struct Amounts {
    double cpu = 0;
    double memory = 0;
    double gpu = 0;
};

// The container's resources.requests and resources.limits, every value of which must be a
// quantity (so a typo in a limit costgate does not price is not read as "no limit" by the
// policies either).
struct Resources {
    JsonValue requests;
    JsonValue limits;
};

Resources checked_resources(JsonValue resources, const std::string& container) {
    if (resources && !resources.is_null() && !resources.is_object())
        throw InputError({}, "container " + container + ": resources must be a mapping, found " +
                                 std::string(resources.type_name()));
    Resources sections{resources.find("requests"), resources.find("limits")};
    for (const auto& [name, section] :
         {std::pair{"requests", sections.requests}, std::pair{"limits", sections.limits}}) {
        if (!section || section.is_null())
            continue;
        const std::string field = "container " + container + ": resources." + name;
        if (!section.is_object())
            throw InputError({}, field + " must be a mapping, found " +
                                     std::string(section.type_name()));
        for (const JsonValue value : section.children())
            util::k8s::quantity_field(value, field + "." + std::string(value.key()));
    }
    return sections;
}

// requests[name], else limits[name] (checked by checked_resources).
std::optional<double> requested(const Resources& resources, std::string_view name) {
    for (const JsonValue section : {resources.requests, resources.limits})
        if (auto amount = util::k8s::quantity_field(section.find(name), name))
            return amount;
    return std::nullopt;
}

double gpus(const Resources& resources) {
    double total = 0;
    for (const JsonValue block : {resources.limits, resources.requests}) {
        if (!block.is_object())
            continue;
        for (const JsonValue value : block.children())
            if (value.key().ends_with("/gpu"))
                total = std::max(total, util::k8s::quantity_field(value, value.key()).value_or(0));
        if (total > 0)
            return total;
    }
    return total;
}

// The string member `key`, or `fallback` when it is absent or not a string.
std::string string_member(JsonValue object, std::string_view key, std::string_view fallback) {
    const JsonValue found = object.find(key);
    return std::string(found.is_string() ? found.string() : fallback);
}

/// Where a container's CPU or memory figure came from.
enum class Origin { container, limit_range, profile, none };

// The container's own figure, else the LimitRange default, else the profile default.
std::pair<double, Origin> resolve(std::optional<double> own, std::optional<double> limit_range,
                                  std::optional<double> profile) {
    if (own)
        return {*own, Origin::container};
    if (limit_range)
        return {*limit_range, Origin::limit_range};
    if (profile)
        return {*profile, Origin::profile};
    return {0, Origin::none};
}

Amounts container_amounts(JsonValue container, const DefaultRequests& limit_range,
                          const DefaultRequests& profile, PodRequests& pod) {
    if (!container.is_object())
        throw InputError({}, "a container must be a mapping, found " +
                                 std::string(container.type_name()));
    const std::string name = string_member(container, "name", "(unnamed)");
    const Resources resources = checked_resources(container.find("resources"), name);
    const auto memory_bytes = requested(resources, "memory");
    // Plain pairs, not structured bindings: clang 14 cannot capture those in a lambda.
    const std::pair<double, Origin> cpu =
        resolve(requested(resources, "cpu"), limit_range.cpu_cores, profile.cpu_cores);
    const std::pair<double, Origin> memory =
        resolve(memory_bytes ? std::optional(*memory_bytes / k_bytes_per_gib) : std::nullopt,
                limit_range.memory_gib, profile.memory_gib);
    const auto either = [&](Origin origin) {
        return cpu.second == origin || memory.second == origin;
    };
    if (cpu.second == Origin::none && memory.second == Origin::none)
        pod.unrequested.push_back(name);
    else if (cpu.second == Origin::none)
        pod.without_cpu.push_back(name);
    else if (memory.second == Origin::none)
        pod.without_memory.push_back(name);
    if (either(Origin::profile))
        pod.assumed.push_back(name);
    if (!either(Origin::none) && either(Origin::limit_range))
        pod.notes.push_back("container " + name +
                            " takes its namespace's LimitRange default requests");
    return {cpu.first, memory.first, gpus(resources)};
}

} // namespace

PodRequests pod_requests(JsonValue pod_spec, const DefaultRequests& limit_range,
                         const DefaultRequests& profile) {
    PodRequests pod;
    Amounts apps;
    // Kubernetes refuses a pod without containers; costgate must not price one at $0.
    const JsonValue containers = pod_spec.find("containers");
    if (!containers.is_array() || containers.empty())
        throw InputError({}, "the pod spec's containers must be a list of at least one "
                             "container, found " +
                                 std::string(containers
                                                 ? (containers.is_array() ? "an empty list"
                                                                          : containers.type_name())
                                                 : "none"));
    for (const JsonValue container : containers.children()) {
        const Amounts amounts = container_amounts(container, limit_range, profile, pod);
        apps.cpu += amounts.cpu;
        apps.memory += amounts.memory;
        apps.gpu += amounts.gpu;
    }
    Amounts sidecars;
    Amounts init_peak;
    const JsonValue inits = pod_spec.find("initContainers");
    if (inits && !inits.is_null() && !inits.is_array())
        throw InputError({}, "the pod spec's initContainers must be a list, found " +
                                 std::string(inits.type_name()));
    if (inits.is_array())
        for (const JsonValue container : inits.children()) {
            const Amounts amounts = container_amounts(container, limit_range, profile, pod);
            // A restartable init container is a sidecar: it keeps running beside the app.
            if (string_member(container, "restartPolicy", "") == "Always") {
                sidecars.cpu += amounts.cpu;
                sidecars.memory += amounts.memory;
                sidecars.gpu += amounts.gpu;
                continue;
            }
            init_peak.cpu = std::max(init_peak.cpu, amounts.cpu + sidecars.cpu);
            init_peak.memory = std::max(init_peak.memory, amounts.memory + sidecars.memory);
            init_peak.gpu = std::max(init_peak.gpu, amounts.gpu + sidecars.gpu);
        }
    pod.cpu_cores = std::max(apps.cpu + sidecars.cpu, init_peak.cpu);
    pod.memory_gib = std::max(apps.memory + sidecars.memory, init_peak.memory);
    pod.gpus = std::max(apps.gpu + sidecars.gpu, init_peak.gpu);
    return pod;
}

} // namespace costgate::pricing::k8s
