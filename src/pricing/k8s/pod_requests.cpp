#include "pod_requests.hpp"

#include "costgate/error.hpp"
#include "costgate/quantity.hpp"

#include <algorithm>

namespace costgate::k8s {

namespace {

constexpr double k_bytes_per_gib = 1024.0 * 1024.0 * 1024.0;

struct Amounts {
    double cpu = 0;
    double memory = 0;
    double gpu = 0;
};

std::optional<double> quantity(const nlohmann::json& value) {
    if (value.is_number())
        return value.get<double>() >= 0 ? std::optional<double>(value.get<double>()) : std::nullopt;
    if (value.is_string())
        return parse_quantity(value.get<std::string>());
    return std::nullopt;
}

// requests[name], else limits[name].
std::optional<double> requested(const nlohmann::json& resources, const std::string& name) {
    for (const char* section : {"requests", "limits"}) {
        const auto block = resources.find(section);
        if (block == resources.end() || !block->is_object())
            continue;
        const auto value = block->find(name);
        if (value != block->end())
            if (auto amount = quantity(*value))
                return amount;
    }
    return std::nullopt;
}

double gpus(const nlohmann::json& resources) {
    double total = 0;
    for (const char* section : {"limits", "requests"}) {
        const auto block = resources.find(section);
        if (block == resources.end() || !block->is_object())
            continue;
        for (const auto& [name, value] : block->items())
            if (name.ends_with("/gpu"))
                total = std::max(total, quantity(value).value_or(0));
        if (total > 0)
            return total;
    }
    return total;
}

// The string member `key`, or `fallback` when it is absent or not a string (json::value()
// throws for those, and for containers that are not objects).
std::string string_member(const nlohmann::json& object, const char* key, const std::string& fallback) {
    const auto found = object.find(key);
    return found != object.end() && found->is_string() ? found->get<std::string>() : fallback;
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

Amounts container_amounts(const nlohmann::json& container, const DefaultRequests& limit_range,
                          const DefaultRequests& profile, PodRequests& pod) {
    static const nlohmann::json k_empty = nlohmann::json::object();
    if (!container.is_object())
        throw InputError({}, std::string("a container must be a mapping, found ") + container.type_name());
    const auto found = container.find("resources");
    const nlohmann::json& resources = found != container.end() && found->is_object() ? *found : k_empty;
    const auto memory_bytes = requested(resources, "memory");
    // Plain pairs, not structured bindings: clang 14 cannot capture those in a lambda.
    const std::pair<double, Origin> cpu =
        resolve(requested(resources, "cpu"), limit_range.cpu_cores, profile.cpu_cores);
    const std::pair<double, Origin> memory =
        resolve(memory_bytes ? std::optional(*memory_bytes / k_bytes_per_gib) : std::nullopt,
                limit_range.memory_gib, profile.memory_gib);
    const std::string name = string_member(container, "name", "(unnamed)");
    const auto either = [&](Origin origin) { return cpu.second == origin || memory.second == origin; };
    if (either(Origin::none))
        pod.unrequested.push_back(name);
    else if (either(Origin::profile))
        pod.assumed.push_back(name);
    if (!either(Origin::none) && either(Origin::limit_range))
        pod.notes.push_back("container " + name + " takes its namespace's LimitRange default requests");
    return {cpu.first, memory.first, gpus(resources)};
}

} // namespace

PodRequests pod_requests(const nlohmann::json& pod_spec, const DefaultRequests& limit_range,
                         const DefaultRequests& profile) {
    PodRequests pod;
    Amounts apps;
    if (const auto containers = pod_spec.find("containers"); containers != pod_spec.end() && containers->is_array())
        for (const nlohmann::json& container : *containers) {
            const Amounts amounts = container_amounts(container, limit_range, profile, pod);
            apps.cpu += amounts.cpu;
            apps.memory += amounts.memory;
            apps.gpu += amounts.gpu;
        }
    Amounts sidecars;
    Amounts init_peak;
    if (const auto inits = pod_spec.find("initContainers"); inits != pod_spec.end() && inits->is_array())
        for (const nlohmann::json& container : *inits) {
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

} // namespace costgate::k8s
