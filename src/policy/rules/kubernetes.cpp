#include "costgate/model/quantity.hpp"
#include "costgate/util/k8s_object.hpp"
#include "resource_hardware.hpp"
#include "rule_kinds.hpp"
#include "rule_options.hpp"

#include <algorithm>

namespace costgate::policy {

namespace {

/// A limit on a container resource, as written (`4`, `16Gi`) and in base units.
struct QuantityLimit {
    std::string text;
    double value = 0;
};

bool is_gpu(const std::string& resource_name) {
    return resource_name.size() > 4 && resource_name.ends_with("/gpu");
}

/// Guard rails for workloads (Pod, Deployment, StatefulSet, ReplicaSet,
/// ReplicationController, DaemonSet, Job, CronJob): every container states its requests
/// and limits, no container asks for more than a cap, replicas (an HPA's maximum when one
/// scales the workload) stay under a cap, and GPU requests carry an approval label or
/// annotation. App containers are checked; init containers only for the size caps.
class Kubernetes final : public Rule {
  public:
    std::vector<std::string> requests_required;
    std::vector<std::string> limits_required;
    std::optional<long> max_replicas;
    std::optional<QuantityLimit> max_cpu;
    std::optional<QuantityLimit> max_memory;
    std::vector<std::string> gpu_labels;
    std::vector<std::string> gpu_annotations;

    void evaluate(const EvaluationInput& input, std::vector<Finding>& findings) const override {
        const std::vector<const Resource*> autoscalers =
            max_replicas ? util::k8s::autoscalers_among(input.estimate.resources)
                         : std::vector<const Resource*>();
        for (const PricedResource& priced : input.estimate.resources) {
            const Resource& resource = priced.resource;
            if (resource.source != Source::kubernetes || !resource.after ||
                !match.matches(resource))
                continue;
            const JsonValue spec = util::k8s::pod_spec(resource.type, *resource.after);
            if (!spec.find("containers"))
                continue;
            check_containers(priced, spec, findings);
            if (max_replicas)
                check_replicas(priced, autoscalers, findings);
        }
    }

  private:
    void report(const PricedResource& priced, const std::string& container,
                const std::string& check, const std::string& what, const std::string& value,
                const std::string& limit, std::vector<Finding>& findings) const {
        const Resource& resource = priced.resource;
        findings.push_back(finding(
            &priced, resource.address + what,
            {{"container", container}, {"check", check}, {"value", value}, {"limit", limit}}));
    }

    void check_containers(const PricedResource& priced, JsonValue spec,
                          std::vector<Finding>& findings) const {
        const Resource& resource = priced.resource;
        for (const char* list : {"containers", "initContainers"}) {
            const JsonValue containers = spec.find(list);
            if (!containers.is_array())
                continue;
            for (const JsonValue container : containers.children()) {
                if (!container.is_object())
                    continue;
                const JsonValue name_value = container.find("name");
                const std::string name =
                    name_value.is_string() ? std::string(name_value.string()) : "(unnamed)";
                const JsonValue requests = util::k8s::json_at(container, {"resources", "requests"});
                const JsonValue limits = util::k8s::json_at(container, {"resources", "limits"});
                if (std::string_view(list) == "containers") {
                    check_present(priced, name, "requests", requests, requests_required, findings);
                    check_present(priced, name, "limits", limits, limits_required, findings);
                }
                check_cap(priced, name, "cpu", max_cpu, requests, limits, findings);
                check_cap(priced, name, "memory", max_memory, requests, limits, findings);
            }
        }
        if (uses_gpus(resource))
            check_gpu_approval(priced, findings);
    }

    void check_present(const PricedResource& priced, const std::string& name,
                       const std::string& section_name, JsonValue section,
                       const std::vector<std::string>& required,
                       std::vector<Finding>& findings) const {
        std::vector<std::string> missing;
        for (const std::string& key : required)
            if (!section.find(key))
                missing.push_back(key);
        if (!missing.empty())
            report(priced, name, section_name + "_required",
                   ": container " + name + " sets no " + section_name + " for " +
                       join_list(missing),
                   join_list(missing), "", findings);
    }

    void check_cap(const PricedResource& priced, const std::string& name, const std::string& key,
                   const std::optional<QuantityLimit>& cap, JsonValue requests, JsonValue limits,
                   std::vector<Finding>& findings) const {
        if (!cap)
            return;
        for (const auto& [section_name, section] :
             {std::pair{"request", requests}, std::pair{"limit", limits}}) {
            const JsonValue value = section.find(key);
            const std::optional<double> amount = util::k8s::quantity_field(value, key);
            if (!amount || *amount <= cap->value * (1 + 1e-12))
                continue;
            const std::string written =
                value.is_string() ? std::string(value.string()) : value.dump();
            report(priced, name, "max_" + key + "_per_container",
                   ": container " + name + " has a " + key + " " + section_name + " of " + written +
                       ", over the per-container cap of " + cap->text,
                   written, cap->text, findings);
            return;
        }
    }

    void check_replicas(const PricedResource& priced,
                        const std::vector<const Resource*>& autoscalers,
                        std::vector<Finding>& findings) const {
        const Resource& resource = priced.resource;
        const JsonValue hpa = util::k8s::find_autoscaler(resource, autoscalers);
        const auto count =
            hpa ? util::k8s::count_field(util::k8s::json_at(hpa, {"spec", "maxReplicas"}),
                                         "its HorizontalPodAutoscaler's spec.maxReplicas")
                : util::k8s::count_field(util::k8s::json_at(*resource.after, {"spec", "replicas"}),
                                         "spec.replicas");
        if (!count || *count <= *max_replicas)
            return;
        const std::string value = std::to_string(*count);
        report(priced, "", "max_replicas",
               std::string(" may run ") + value + " replicas" +
                   (hpa ? " (its HorizontalPodAutoscaler's maxReplicas)" : "") +
                   ", over the limit of " + std::to_string(*max_replicas),
               value, std::to_string(*max_replicas), findings);
    }

    void check_gpu_approval(const PricedResource& priced, std::vector<Finding>& findings) const {
        const Resource& resource = priced.resource;
        if (gpu_labels.empty() && gpu_annotations.empty())
            return;
        std::vector<std::string> missing;
        for (const auto& [keys, field] :
             {std::pair{&gpu_labels, "labels"}, std::pair{&gpu_annotations, "annotations"}})
            for (const std::string& key : *keys)
                if (!has_metadata(*resource.after, resource.type, field, key))
                    missing.push_back(std::string(field == std::string_view("labels")
                                                      ? "label "
                                                      : "annotation ") +
                                      key);
        if (!missing.empty())
            report(priced, "", "gpu_approval",
                   " requests GPUs without the approval " + join_list(missing), join_list(missing),
                   "", findings);
    }

    // On the workload's own metadata or its pod template's, with a non-empty value.
    static bool has_metadata(JsonValue object, const std::string& kind, const char* field,
                             const std::string& key) {
        const JsonValue pod_template =
            kind == "Pod" ? JsonValue()
            : kind == "CronJob"
                ? util::k8s::json_at(object, {"spec", "jobTemplate", "spec", "template"})
                : util::k8s::json_at(object, {"spec", "template"});
        for (const JsonValue owner : {object, pod_template}) {
            const JsonValue value = util::k8s::json_at(owner, {"metadata", field, key});
            if (value.is_string() && !value.string().empty())
                return true;
        }
        return false;
    }
};

std::vector<std::string> resource_keys(util::YamlMap& map, const std::string& key) {
    const YAML::Node node = map.get(key);
    if (!node.IsDefined() || node.IsNull())
        return {};
    if (node.IsScalar() && node.Scalar() == "true")
        return {"cpu", "memory"};
    if (node.IsScalar() && node.Scalar() == "false")
        return {};
    std::vector<std::string> keys = map.string_list(key);
    for (const std::string& name : keys)
        if (name != "cpu" && name != "memory" && name != "ephemeral-storage" && !is_gpu(name))
            map.fail(node, "\"" + key +
                               "\" lists cpu, memory, ephemeral-storage or GPU resources, "
                               "found \"" +
                               name + "\"");
    return keys;
}

std::optional<QuantityLimit> quantity_limit(util::YamlMap& map, const std::string& key) {
    const auto text = map.optional_string(key);
    if (!text)
        return std::nullopt;
    const auto value = parse_quantity(*text);
    if (!value || *value <= 0)
        map.fail(map.get(key), "\"" + key +
                                   "\" must be a Kubernetes quantity above 0 (\"4\", "
                                   "\"500m\", \"16Gi\"), found \"" +
                                   *text + "\"");
    return QuantityLimit{*text, *value};
}

} // namespace

std::unique_ptr<Rule> parse_kubernetes(util::YamlMap& map) {
    auto rule = std::make_unique<Kubernetes>();
    rule->requests_required = resource_keys(map, "requests_required");
    rule->limits_required = resource_keys(map, "limits_required");
    rule->max_replicas = map.optional_integer("max_replicas", 0, 1'000'000);
    rule->max_cpu = quantity_limit(map, "max_cpu_per_container");
    rule->max_memory = quantity_limit(map, "max_memory_per_container");
    if (const YAML::Node approval = map.get("gpu_approval");
        approval.IsDefined() && !approval.IsNull()) {
        util::YamlMap approval_map(map.file(), approval, "gpu_approval");
        rule->gpu_labels = approval_map.string_list("labels");
        rule->gpu_annotations = approval_map.string_list("annotations");
        approval_map.finish();
        if (rule->gpu_labels.empty() && rule->gpu_annotations.empty())
            map.fail(approval, "\"gpu_approval\" needs \"labels\" or \"annotations\"");
    }
    if (rule->requests_required.empty() && rule->limits_required.empty() && !rule->max_replicas &&
        !rule->max_cpu && !rule->max_memory && rule->gpu_labels.empty() &&
        rule->gpu_annotations.empty())
        map.fail("kubernetes needs at least one of \"requests_required\", \"limits_required\", "
                 "\"max_replicas\", \"max_cpu_per_container\", \"max_memory_per_container\" or "
                 "\"gpu_approval\"");
    return rule;
}

} // namespace costgate::policy
