#include "costgate/util/glob.hpp"
#include "resource_hardware.hpp"
#include "rule_kinds.hpp"
#include "rule_options.hpp"

#include <algorithm>
#include <sstream>

namespace costgate::policy {

namespace {

std::string number_text(double value) {
    std::ostringstream text;
    text << value;
    return text.str();
}

bool any_glob(const std::vector<std::string>& globs, const std::string& text) {
    return std::any_of(globs.begin(), globs.end(),
                       [&](const std::string& glob) { return util::glob_match(glob, text); });
}

/// Which instance types, VM sizes, machine types, database and cache classes and node
/// group types selected resources may use: allow and deny globs, vCPU and memory caps,
/// and GPU types (none, or only some). Types whose hardware is not in the embedded spec
/// tables are reported at `unknown_specs` severity when a size or GPU limit needs it.
class InstanceTypes final : public Rule {
  public:
    std::vector<std::string> allow;
    std::vector<std::string> deny;
    std::optional<long> max_vcpus;
    std::optional<double> max_memory_gib;
    bool allow_gpu = true;
    std::vector<std::string> gpu_types;
    std::optional<Severity> unknown_specs = Severity::warn;

    bool needs_spec() const {
        return max_vcpus || max_memory_gib || !allow_gpu || !gpu_types.empty();
    }

    void evaluate(const EvaluationInput& input, std::vector<Finding>& findings) const override {
        for (const PricedResource& priced : input.estimate.resources) {
            const Resource& resource = priced.resource;
            if (!match.matches(resource))
                continue;
            for (const std::string& type : instance_types_of(resource))
                check(priced, type, findings);
        }
    }

  private:
    void check(const PricedResource& priced, const std::string& type,
               std::vector<Finding>& findings) const {
        const Resource& resource = priced.resource;
        const std::optional<InstanceSpec> spec =
            needs_spec() ? spec_of(resource, type) : std::nullopt;
        const auto report = [&](const std::string& why, const std::string& limit,
                                std::optional<Severity> level = std::nullopt) {
            Finding result = finding(&priced, resource.address + " uses " + type + ": " + why,
                                     {{"instance_type", type},
                                      {"vcpus", spec ? std::to_string(spec->vcpus) : ""},
                                      {"memory_gib", spec ? number_text(spec->memory_gib) : ""},
                                      {"gpus", spec ? std::to_string(spec->gpus) : ""},
                                      {"limit", limit}});
            if (level)
                result.severity = *level;
            findings.push_back(std::move(result));
        };
        if (any_glob(deny, type))
            report("the type is denied", "");
        else if (!allow.empty() && !any_glob(allow, type))
            report("the type is not in the allowed list", "");
        if (!needs_spec())
            return;
        if (!spec) {
            if (unknown_specs)
                report("its vCPUs, memory and GPUs are not in costgate's spec tables, so the "
                       "size limits could not be checked",
                       "", unknown_specs);
            return;
        }
        if (max_vcpus && spec->vcpus > *max_vcpus)
            report(std::to_string(spec->vcpus) + " vCPUs, over the limit of " +
                       std::to_string(*max_vcpus),
                   std::to_string(*max_vcpus));
        if (max_memory_gib && spec->memory_gib > *max_memory_gib + 1e-9)
            report(number_text(spec->memory_gib) + " GiB of memory, over the limit of " +
                       number_text(*max_memory_gib) + " GiB",
                   number_text(*max_memory_gib));
        if (spec->gpus > 0 && !allow_gpu)
            report("GPU types (" + std::to_string(spec->gpus) +
                       (spec->gpus == 1 ? " GPU" : " GPUs") + ") are not allowed",
                   "");
        else if (spec->gpus > 0 && !gpu_types.empty() && !any_glob(gpu_types, type))
            report("this GPU type is not one of the allowed GPU types", "");
    }
};

} // namespace

std::unique_ptr<Rule> parse_instance_types(util::YamlMap& map) {
    auto rule = std::make_unique<InstanceTypes>();
    rule->allow = glob_list(map, "allow");
    rule->deny = glob_list(map, "deny");
    rule->max_vcpus = map.optional_integer("max_vcpus", 1, 100000);
    rule->max_memory_gib = map.optional_number("max_memory_gib");
    if (rule->max_memory_gib && (*rule->max_memory_gib <= 0 || *rule->max_memory_gib > 1e6))
        map.fail(map.get("max_memory_gib"), "\"max_memory_gib\" must be above 0");
    rule->allow_gpu = map.optional_bool("allow_gpu").value_or(true);
    rule->gpu_types = glob_list(map, "gpu_types");
    if (const auto unknown = map.optional_string("unknown_specs")) {
        if (*unknown == "ignore")
            rule->unknown_specs = std::nullopt;
        else if (*unknown == "info" || *unknown == "warn" || *unknown == "fail")
            rule->unknown_specs = severity_option(map, "unknown_specs");
        else
            map.fail(map.get("unknown_specs"),
                     "\"unknown_specs\" must be info, warn, fail or ignore, found \"" + *unknown +
                         "\"");
    }
    if (rule->allow.empty() && rule->deny.empty() && !rule->needs_spec())
        map.fail("instance_types needs at least one of \"allow\", \"deny\", \"max_vcpus\", "
                 "\"max_memory_gib\", \"allow_gpu\" or \"gpu_types\"");
    return rule;
}

} // namespace costgate::policy
