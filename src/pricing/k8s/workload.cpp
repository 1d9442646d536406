#include "costgate/model/error.hpp"
#include "costgate/util/k8s_object.hpp"
#include "hosted_model.hpp"
#include "pod_requests.hpp"
#include "pricers.hpp"
#include "schedule.hpp"

#include <cmath>

namespace costgate::pricing::k8s {

namespace {

constexpr double k_bytes_per_gib = 1024.0 * 1024.0 * 1024.0;

std::optional<double> quantity_at(JsonValue object, std::initializer_list<std::string_view> keys,
                                  std::string_view field) {
    return util::k8s::quantity_field(util::k8s::json_at(object, keys), field);
}

std::optional<double> count_at(JsonValue object, std::initializer_list<std::string_view> keys,
                               std::string_view field) {
    const auto count = util::k8s::count_field(util::k8s::json_at(object, keys), field);
    return count ? std::optional<double>(static_cast<double>(*count)) : std::nullopt;
}

// The default requests of the first LimitRange in the workload's namespace, as the
// admission controller would apply them.
DefaultRequests limit_range_defaults(const PricingContext& context) {
    DefaultRequests defaults;
    const std::string& ns = context.resource().k8s_namespace;
    for (const Resource* candidate : context.resources_of_type("LimitRange")) {
        const Resource& other = *candidate;
        if (other.k8s_namespace != ns || !other.after)
            continue;
        const JsonValue limits = util::k8s::json_at(*other.after, {"spec", "limits"});
        for (const JsonValue limit :
             limits.is_array() ? limits.children() : JsonValue().children()) {
            if (!limit.find("type").is_string("Container"))
                continue;
            for (const char* section : {"defaultRequest", "default"}) {
                const std::string field =
                    "its namespace's LimitRange " + other.address + ": spec.limits[]." + section;
                const auto cpu = quantity_at(limit, {section, "cpu"}, field + ".cpu");
                const auto bytes = quantity_at(limit, {section, "memory"}, field + ".memory");
                if (!defaults.cpu_cores)
                    defaults.cpu_cores = cpu;
                if (!defaults.memory_gib && bytes)
                    defaults.memory_gib = *bytes / k_bytes_per_gib;
            }
        }
    }
    return defaults;
}

// Requests and run counts in component names and notes: four significant digits.
constexpr int k_display_digits = 4;

// A usage file's count of nodes, read as Kubernetes reads counts (int32). Anything else is
// bad input, reported by the estimator with the object's file and line.
constexpr double k_max_count = 2147483647;

double whole_count(double number, const std::string& what) {
    if (!std::isfinite(number) || number < 0 || number > k_max_count ||
        number != std::floor(number))
        throw InputError({}, what + " must be a whole number from 0 to 2147483647, found " +
                                 format_amount(number, k_display_digits));
    return number;
}

// An HPA's minReplicas (default 1) and maxReplicas (required), as the API server accepts
// them: 1 <= min <= max. Anything else would price a workload at 0 replicas, or let a
// `replicas: max` budget read a maximum below the minimum.
std::pair<double, double> hpa_range(JsonValue hpa) {
    const std::string field = "its HorizontalPodAutoscaler's spec.";
    const auto low = count_at(hpa, {"spec", "minReplicas"}, field + "minReplicas").value_or(1);
    const auto high = count_at(hpa, {"spec", "maxReplicas"}, field + "maxReplicas");
    if (!high)
        throw InputError({}, field + "maxReplicas is missing (Kubernetes requires it)");
    if (low < 1)
        throw InputError({}, field +
                                 "minReplicas must be at least 1 (0 needs the "
                                 "HPAScaleToZero alpha feature, which costgate does not price)");
    if (*high < low)
        throw InputError({}, field + "maxReplicas (" + format_amount(*high, k_display_digits) +
                                 ") is below its minReplicas (" +
                                 format_amount(low, k_display_digits) + ")");
    return {low, *high};
}

struct PodCount {
    /// Pods running all month (nullopt: depends on usage not given).
    std::optional<double> pods;
    std::string description;
    /// With an HPA, the pods at its maxReplicas (`pods` is its minimum).
    std::optional<double> max_pods;
};

PodCount pod_count(const std::string& kind, JsonValue object, const PricingContext& context,
                   StateCost& cost) {
    if (kind == "Pod")
        return {1, "1 pod", std::nullopt};
    if (kind == "DaemonSet") {
        auto nodes = context.usage("nodes");
        if (nodes)
            nodes = whole_count(*nodes, "usage \"nodes\"");
        if (!nodes)
            cost.notes.emplace_back("one pod per node: set `nodes` in the usage file to price it");
        return {nodes, nodes ? std::to_string(static_cast<long>(*nodes)) + " nodes" : "per node",
                std::nullopt};
    }
    if (kind == "Job" || kind == "CronJob") {
        const JsonValue job = kind == "Job"
                                  ? util::k8s::json_at(object, {"spec"})
                                  : util::k8s::json_at(object, {"spec", "jobTemplate", "spec"});
        const double completions = count_at(job, {"completions"}, "completions").value_or(1);
        const double parallelism = count_at(job, {"parallelism"}, "parallelism").value_or(1);
        // Pod-hours: each completion runs a pod for the job's duration.
        const auto hours = context.usage("run_duration_hours");
        double runs = 1;
        if (kind == "CronJob") {
            const JsonValue schedule = util::k8s::json_at(object, {"spec", "schedule"});
            const auto per_month = schedule.is_string()
                                       ? runs_per_month(std::string(schedule.string()))
                                       : std::nullopt;
            if (!per_month) {
                cost.add_unpriced("spec.schedule",
                                  "spec.schedule is not a cron schedule costgate can read");
                return {std::nullopt, "", std::nullopt};
            }
            runs = *per_month;
        }
        if (!hours)
            cost.notes.emplace_back("set `run_duration_hours` in the usage file to price its runs");
        cost.notes.push_back(format_amount(runs, k_display_digits) + " run(s) a month x " +
                             std::to_string(static_cast<long>(completions)) +
                             " completion(s), up to " +
                             std::to_string(static_cast<long>(parallelism)) + " in parallel");
        std::optional<double> pods;
        if (hours)
            pods = runs * completions * *hours / k_hours_per_month;
        return {pods, "runs", std::nullopt};
    }
    const double replicas = count_at(object, {"spec", "replicas"}, "spec.replicas").value_or(1);
    if (const JsonValue hpa = util::k8s::find_autoscaler(
            context.resource(), context.resources_of_type("HorizontalPodAutoscaler"))) {
        const auto [low, high] = hpa_range(hpa);
        cost.notes.push_back("scaled by an HPA from " + std::to_string(static_cast<long>(low)) +
                             " to " + std::to_string(static_cast<long>(high)) +
                             " replicas: priced at the minimum");
        return {low, std::to_string(static_cast<long>(low)) + " replicas", high};
    }
    return {replicas,
            std::to_string(static_cast<long>(replicas)) +
                (replicas == 1 ? " replica" : " replicas"),
            std::nullopt};
}

void add_claim_templates(StateCost& cost, JsonValue object, std::optional<double> pods,
                         const PricingContext& context) {
    const JsonValue templates = util::k8s::json_at(object, {"spec", "volumeClaimTemplates"});
    if (!templates.is_array())
        return;
    for (const JsonValue claim : templates.children()) {
        const auto bytes =
            quantity_at(claim, {"spec", "resources", "requests", "storage"},
                        "spec.volumeClaimTemplates[].spec.resources.requests.storage");
        const JsonValue claim_name = util::k8s::json_at(claim, {"metadata", "name"});
        const std::string name =
            claim_name.is_string() ? std::string(claim_name.string()) : "claim";
        if (!bytes) {
            cost.add_unpriced("Storage (" + name + ")",
                              "volume claim template " + name + " requests no storage");
            continue;
        }
        std::optional<double> gib;
        if (pods)
            gib = *bytes / k_bytes_per_gib * *pods;
        context.add_cluster_rate(cost,
                                 "Volume claims (" + name + ", " +
                                     format_amount(*bytes / k_bytes_per_gib, k_display_digits) +
                                     " GiB per replica)",
                                 gib, "storage");
    }
}

std::string join(const std::vector<std::string>& names) {
    std::string text;
    for (const std::string& name : names)
        text += (text.empty() ? "" : ", ") + name;
    return text;
}

// `0.5 vCPU, 2 GiB; https://... as of 2026-11-22`
std::string describe_defaults(const ClusterDefaults& defaults) {
    std::string text;
    if (defaults.cpu_cores)
        text = format_amount(*defaults.cpu_cores, k_display_digits) + " vCPU";
    if (defaults.memory_gib)
        text += (text.empty() ? "" : ", ") + format_amount(*defaults.memory_gib, k_display_digits) +
                " GiB";
    return text + "; " + defaults.source + " as of " + defaults.as_of;
}

// A Service's spec.type, which the API server accepts only as one of four names (absent:
// ClusterIP). A typo such as `Loadbalancer` is bad input, never "no charge".
bool is_load_balancer(JsonValue type) {
    if (!type || type.is_null())
        return false;
    for (const char* name : {"ClusterIP", "NodePort", "LoadBalancer", "ExternalName"})
        if (type.is_string(name))
            return type.is_string("LoadBalancer");
    throw InputError({}, "spec.type must be ClusterIP, NodePort, LoadBalancer or ExternalName, "
                         "found " +
                             (type.is_string() ? "\"" + std::string(type.string()) + "\""
                                               : std::string(type.type_name())));
}

// What the workload's pods request, for as many pods as run in a month.
StateCost price_pods(const Attributes& attributes, const PricingContext& context) {
    StateCost cost;
    const std::string& kind = context.resource().type;
    const JsonValue object = attributes.json();
    const JsonValue spec = util::k8s::pod_spec(kind, object);
    if (!spec.is_object()) {
        cost.add_unpriced("spec.template.spec", "no pod template (spec.template.spec) to price");
        return cost;
    }
    const ClusterDefaults* profile = context.cluster_defaults();
    const DefaultRequests profile_defaults =
        profile ? DefaultRequests{profile->cpu_cores, profile->memory_gib} : DefaultRequests{};
    const PodRequests pod = pod_requests(spec, limit_range_defaults(context), profile_defaults);
    // The counts are checked even when the pod cannot be priced: the policies read them too.
    count_at(object, {"spec", "replicas"}, "spec.replicas");
    if (const JsonValue hpa = util::k8s::find_autoscaler(
            context.resource(), context.resources_of_type("HorizontalPodAutoscaler")))
        hpa_range(hpa);
    cost.notes.insert(cost.notes.end(), pod.notes.begin(), pod.notes.end());
    if (!pod.assumed.empty())
        cost.notes.push_back("container(s) " + join(pod.assumed) +
                             " request no CPU or memory: assumed the " + context.cluster_profile() +
                             " profile's default requests (" + describe_defaults(*profile) + ")");
    // A pod is priced on what it requests, each resource on its own; a container that
    // requests nothing adds nothing, which is said, but a pod that requests nothing at all
    // has no cost costgate can attribute: that is unpriced, never $0.
    if (pod.cpu_cores == 0 && pod.memory_gib == 0 && pod.gpus == 0) {
        cost.add_unpriced("Requests",
                          "the pod requests no CPU, memory or GPU" +
                              (pod.unrequested.empty()
                                   ? std::string()
                                   : " (container(s) " + join(pod.unrequested) + ": BestEffort)") +
                              ": set requests so the cost can be attributed");
        return cost;
    }
    if (!pod.unrequested.empty())
        cost.notes.push_back("container(s) " + join(pod.unrequested) +
                             " request no CPU or memory (BestEffort) and add nothing here");
    if (!pod.without_cpu.empty())
        cost.notes.push_back("container(s) " + join(pod.without_cpu) +
                             " request no CPU: priced on their memory only");
    if (!pod.without_memory.empty())
        cost.notes.push_back("container(s) " + join(pod.without_memory) +
                             " request no memory: priced on their CPU only");
    const PodCount count = pod_count(kind, object, context, cost);
    if (!cost.priced())
        return cost;
    const auto add_components = [&](StateCost& target, std::optional<double> pods) {
        auto scaled = [&](double per_pod) {
            return pods ? std::optional<double>(per_pod * *pods) : std::nullopt;
        };
        const std::string per_pod = " per pod, " + count.description + ")";
        // Each resource the pod requests is a component of its own; none for what it does not.
        const auto add_rate = [&](double amount, const std::string& label,
                                  std::string_view product) {
            if (amount > 0)
                context.add_cluster_rate(target, label + per_pod, scaled(amount), product);
        };
        const auto shown = [](double amount) { return format_amount(amount, k_display_digits); };
        add_rate(pod.cpu_cores, "CPU requests (" + shown(pod.cpu_cores) + " vCPU", "cpu");
        add_rate(pod.memory_gib, "Memory requests (" + shown(pod.memory_gib) + " GiB", "memory");
        add_rate(pod.gpus, "GPUs (" + shown(pod.gpus), "gpu");
        add_claim_templates(target, object, pods, context);
    };
    add_components(cost, count.pods);
    if (count.max_pods && cost.priced()) {
        StateCost at_max;
        add_components(at_max, count.max_pods);
        cost.monthly_max = at_max.monthly();
    }
    return cost;
}

} // namespace

StateCost price_workload(const Attributes& attributes, const PricingContext& context) {
    StateCost cost = price_pods(attributes, context);
    const auto model = hosted_model(attributes.json(), context);
    if (!model)
        return cost;
    // The tokens are the workload's as a whole (the usage file's monthly volume), however
    // many replicas send them: the same at an HPA's minimum and maximum.
    StateCost tokens;
    add_model_tokens(tokens, *model, context);
    if (cost.monthly_max)
        cost.monthly_max = *cost.monthly_max + tokens.monthly();
    cost.components.insert(cost.components.end(), tokens.components.begin(),
                           tokens.components.end());
    cost.unpriced.insert(cost.unpriced.end(), tokens.unpriced.begin(), tokens.unpriced.end());
    cost.notes.insert(cost.notes.end(), tokens.notes.begin(), tokens.notes.end());
    if (model->region == "any" && tokens.priced())
        cost.notes.push_back("tokens of " + model->model +
                             " priced at its list price, which "
                             "names no region");
    return cost;
}

StateCost price_volume_claim(const Attributes& attributes, const PricingContext& context) {
    StateCost cost;
    const auto bytes = quantity_at(attributes.json(), {"spec", "resources", "requests", "storage"},
                                   "spec.resources.requests.storage");
    if (!bytes) {
        cost.add_unpriced("Storage", "spec.resources.requests.storage is missing");
        return cost;
    }
    const JsonValue storage_class =
        util::k8s::json_at(attributes.json(), {"spec", "storageClassName"});
    if (storage_class.is_string())
        cost.notes.push_back("storage class " + std::string(storage_class.string()) +
                             " priced at the cluster " + "profile's storage rate");
    context.add_cluster_rate(
        cost, "Storage (" + format_amount(*bytes / k_bytes_per_gib, k_display_digits) + " GiB)",
        *bytes / k_bytes_per_gib, "storage");
    return cost;
}

StateCost price_service(const Attributes& attributes, const PricingContext& context) {
    StateCost cost;
    if (!is_load_balancer(util::k8s::json_at(attributes.json(), {"spec", "type"}))) {
        cost.notes.emplace_back("not a LoadBalancer Service: no charge");
        return cost;
    }
    context.add_cluster_rate(cost, "Cloud load balancer", 1, "load_balancer");
    return cost;
}

} // namespace costgate::pricing::k8s
