#include "costgate/quantity.hpp"
#include "pod_requests.hpp"
#include "pricers.hpp"
#include "schedule.hpp"

namespace costgate::k8s {

namespace {

constexpr double k_bytes_per_gib = 1024.0 * 1024.0 * 1024.0;

const nlohmann::json* at(const nlohmann::json* object, std::initializer_list<const char*> keys) {
    for (const char* key : keys) {
        if (!object || !object->is_object())
            return nullptr;
        const auto found = object->find(key);
        object = found == object->end() ? nullptr : &*found;
    }
    return object;
}

std::optional<double> number_at(const nlohmann::json* object, std::initializer_list<const char*> keys) {
    const nlohmann::json* value = at(object, keys);
    if (value && value->is_number())
        return value->get<double>();
    if (value && value->is_string())
        return parse_quantity(value->get<std::string>());
    return std::nullopt;
}

std::string namespace_of(const Resource& resource) { return resource.address.substr(0, resource.address.find('/')); }
std::string name_of(const Resource& resource) { return resource.address.substr(resource.address.rfind('/') + 1); }

// The pod template of each workload kind.
const nlohmann::json* pod_spec(const std::string& kind, const nlohmann::json* object) {
    if (kind == "Pod")
        return at(object, {"spec"});
    if (kind == "CronJob")
        return at(object, {"spec", "jobTemplate", "spec", "template", "spec"});
    return at(object, {"spec", "template", "spec"});
}

// The default requests of the first LimitRange in the workload's namespace, as the
// admission controller would apply them.
DefaultRequests limit_range_defaults(const PricingContext& context) {
    DefaultRequests defaults;
    const std::string ns = namespace_of(context.resource());
    for (const Resource* candidate : context.resources_of_type("LimitRange")) {
        const Resource& other = *candidate;
        if (namespace_of(other) != ns || !other.after)
            continue;
        const nlohmann::json* limits = at(&*other.after, {"spec", "limits"});
        if (!limits || !limits->is_array())
            continue;
        for (const nlohmann::json& limit : *limits) {
            if (limit.value("type", std::string()) != "Container")
                continue;
            for (const char* section : {"defaultRequest", "default"}) {
                if (!defaults.cpu_cores)
                    defaults.cpu_cores = number_at(&limit, {section, "cpu"});
                if (!defaults.memory_gib)
                    if (const auto bytes = number_at(&limit, {section, "memory"}))
                        defaults.memory_gib = *bytes / k_bytes_per_gib;
            }
        }
    }
    return defaults;
}

// An HPA in the run that scales this workload.
const nlohmann::json* autoscaler(const PricingContext& context) {
    const Resource& self = context.resource();
    for (const Resource* candidate : context.resources_of_type("HorizontalPodAutoscaler")) {
        const Resource& other = *candidate;
        if (namespace_of(other) != namespace_of(self) || !other.after)
            continue;
        const nlohmann::json* target = at(&*other.after, {"spec", "scaleTargetRef"});
        if (target && target->value("kind", std::string()) == self.type &&
            target->value("name", std::string()) == name_of(self))
            return &*other.after;
    }
    return nullptr;
}

std::string format_amount(double value) {
    char text[32];
    std::snprintf(text, sizeof text, "%.4g", value);
    return text;
}

struct PodCount {
    /// Pods running all month (nullopt: depends on usage not given).
    std::optional<double> pods;
    std::string description;
};

PodCount pod_count(const std::string& kind, const nlohmann::json* object, const PricingContext& context,
                   StateCost& cost) {
    if (kind == "Pod")
        return {1, "1 pod"};
    if (kind == "DaemonSet") {
        const auto nodes = context.usage("nodes");
        if (!nodes)
            cost.notes.emplace_back("one pod per node: set `nodes` in the usage file to price it");
        return {nodes, nodes ? std::to_string(static_cast<long>(*nodes)) + " nodes" : "per node"};
    }
    if (kind == "Job" || kind == "CronJob") {
        const nlohmann::json* job = kind == "Job" ? at(object, {"spec"}) : at(object, {"spec", "jobTemplate", "spec"});
        const double completions = number_at(job, {"completions"}).value_or(1);
        const double parallelism = number_at(job, {"parallelism"}).value_or(1);
        // Pod-hours: each completion runs a pod for the job's duration.
        const auto hours = context.usage("run_duration_hours");
        double runs = 1;
        if (kind == "CronJob") {
            const nlohmann::json* schedule = at(object, {"spec", "schedule"});
            const auto per_month = schedule && schedule->is_string() ? runs_per_month(schedule->get<std::string>())
                                                                     : std::nullopt;
            if (!per_month) {
                cost.priced = false;
                cost.notes.emplace_back("spec.schedule is not a cron schedule costgate can read");
                return {std::nullopt, ""};
            }
            runs = *per_month;
        }
        if (!hours)
            cost.notes.emplace_back("set `run_duration_hours` in the usage file to price its runs");
        cost.notes.push_back(format_amount(runs) + " run(s) a month x " +
                             std::to_string(static_cast<long>(completions)) + " completion(s), up to " +
                             std::to_string(static_cast<long>(parallelism)) + " in parallel");
        std::optional<double> pods;
        if (hours)
            pods = runs * completions * *hours / k_hours_per_month;
        return {pods, "runs"};
    }
    const double replicas = number_at(object, {"spec", "replicas"}).value_or(1);
    if (const nlohmann::json* hpa = autoscaler(context)) {
        const double low = number_at(hpa, {"spec", "minReplicas"}).value_or(1);
        const double high = number_at(hpa, {"spec", "maxReplicas"}).value_or(low);
        cost.notes.push_back("scaled by an HPA from " + std::to_string(static_cast<long>(low)) + " to " +
                             std::to_string(static_cast<long>(high)) + " replicas: priced at the minimum");
        return {low, std::to_string(static_cast<long>(low)) + " replicas"};
    }
    return {replicas, std::to_string(static_cast<long>(replicas)) + (replicas == 1 ? " replica" : " replicas")};
}

void add_claim_templates(StateCost& cost, const nlohmann::json* object, std::optional<double> pods,
                         const PricingContext& context) {
    const nlohmann::json* templates = at(object, {"spec", "volumeClaimTemplates"});
    if (!templates || !templates->is_array())
        return;
    for (const nlohmann::json& claim : *templates) {
        const auto bytes = number_at(&claim, {"spec", "resources", "requests", "storage"});
        const std::string name = claim.value("/metadata/name"_json_pointer, std::string("claim"));
        if (!bytes) {
            cost.priced = false;
            cost.notes.push_back("volume claim template " + name + " requests no storage");
            continue;
        }
        std::optional<double> gib;
        if (pods)
            gib = *bytes / k_bytes_per_gib * *pods;
        context.add_cluster_rate(cost, "Volume claims (" + name + ", " + format_amount(*bytes / k_bytes_per_gib) +
                                           " GiB per replica)",
                                 gib, "storage");
    }
}

} // namespace

StateCost price_workload(const Attributes& attributes, const PricingContext& context) {
    StateCost cost;
    const std::string& kind = context.resource().type;
    const nlohmann::json* object = attributes.json();
    const nlohmann::json* spec = pod_spec(kind, object);
    if (!spec || !spec->is_object()) {
        cost.priced = false;
        cost.notes.emplace_back("no pod template (spec.template.spec) to price");
        return cost;
    }
    const PodRequests pod = pod_requests(*spec, limit_range_defaults(context));
    cost.notes.insert(cost.notes.end(), pod.notes.begin(), pod.notes.end());
    if (!pod.unrequested.empty()) {
        std::string names;
        for (const std::string& name : pod.unrequested)
            names += (names.empty() ? "" : ", ") + name;
        cost.priced = false;
        cost.notes.push_back("container(s) " + names +
                             " request no CPU or memory (BestEffort): set requests so the cost can be attributed");
        return cost;
    }
    const PodCount count = pod_count(kind, object, context, cost);
    if (!cost.priced)
        return cost;
    const std::optional<double> pods = count.pods;
    auto scaled = [&](double per_pod) { return pods ? std::optional<double>(per_pod * *pods) : std::nullopt; };
    const std::string per_pod = " per pod, " + count.description + ")";
    context.add_cluster_rate(cost, "CPU requests (" + format_amount(pod.cpu_cores) + " vCPU" + per_pod,
                             scaled(pod.cpu_cores), "cpu");
    context.add_cluster_rate(cost, "Memory requests (" + format_amount(pod.memory_gib) + " GiB" + per_pod,
                             scaled(pod.memory_gib), "memory");
    if (pod.gpus > 0)
        context.add_cluster_rate(cost, "GPUs (" + format_amount(pod.gpus) + per_pod, scaled(pod.gpus), "gpu");
    add_claim_templates(cost, object, pods, context);
    return cost;
}

StateCost price_volume_claim(const Attributes& attributes, const PricingContext& context) {
    StateCost cost;
    const auto bytes = number_at(attributes.json(), {"spec", "resources", "requests", "storage"});
    if (!bytes) {
        cost.priced = false;
        cost.notes.emplace_back("spec.resources.requests.storage is missing");
        return cost;
    }
    const nlohmann::json* storage_class = at(attributes.json(), {"spec", "storageClassName"});
    if (storage_class && storage_class->is_string())
        cost.notes.push_back("storage class " + storage_class->get<std::string>() + " priced at the cluster " +
                             "profile's storage rate");
    context.add_cluster_rate(cost, "Storage (" + format_amount(*bytes / k_bytes_per_gib) + " GiB)",
                             *bytes / k_bytes_per_gib, "storage");
    return cost;
}

StateCost price_service(const Attributes& attributes, const PricingContext& context) {
    StateCost cost;
    const nlohmann::json* type = at(attributes.json(), {"spec", "type"});
    if (!type || !type->is_string() || type->get<std::string>() != "LoadBalancer") {
        cost.notes.emplace_back("not a LoadBalancer Service: no charge");
        return cost;
    }
    context.add_cluster_rate(cost, "Cloud load balancer", 1, "load_balancer");
    return cost;
}

} // namespace costgate::k8s
