#pragma once

#include "costgate/model/resource.hpp"
#include "diagnostics.hpp"
#include "evaluator.hpp"
#include "instance_keys.hpp"
#include "module_config.hpp"

#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace costgate::ingest {

/// State shared by every module instance of one source read.
struct SourceRun {
    SourceDiagnostics diagnostics;
    /// Module directories read so far (a module called several times is read once).
    std::map<std::string, std::unique_ptr<ModuleConfig>> configs;
    /// The root module's directory, for `path.root`.
    std::string root_directory;
    /// Region for resources whose attributes and provider do not give one (--region).
    std::string default_region;

    const ModuleConfig& config_for(const std::filesystem::path& directory);
};

/// What a provider configuration says that matters for pricing.
struct ProviderSettings {
    /// Its `region` (`zone` for google when there is no region); empty when not known.
    std::string region;
    /// AWS `default_tags { tags = ... }`: null when not set.
    Value default_tags;
};

/// One instance of a module (the root, or `module.app["x"]`): its variables, locals,
/// outputs, providers and calls, evaluated on demand, and the resources it declares.
class ModuleInstance final : public EvalScope {
  public:
    /// The root module, with the values given to its variables.
    ModuleInstance(SourceRun& run, const ModuleConfig& config,
                   std::map<std::string, Value> root_inputs);
    /// A module called from `parent` by `call` as instance `key`.
    ModuleInstance(SourceRun& run, const ModuleConfig& config, ModuleInstance& parent,
                   const ModuleCallConfig& call, InstanceKey key);

    ~ModuleInstance() override;
    ModuleInstance(const ModuleInstance&) = delete;
    ModuleInstance& operator=(const ModuleInstance&) = delete;

    Value reference(const std::string& root, const std::string* attribute,
                    const HclPosition& where) override;

    /// Appends the resources of this instance and of the modules it calls, one per
    /// resource instance, as a plan's `resource_changes` would give them for a create.
    void collect_resources(std::vector<Resource>& resources);

    /// `module.a[0].` for a module instance, empty for the root.
    const std::string& address_prefix() const { return m_prefix; }

  private:
    struct CallInstances;

    Value variable(const std::string& name, const HclPosition& where);
    Value local(const std::string& name, const HclPosition& where);
    Value outputs();
    Value module_value(const std::string& name, const HclPosition& where);
    CallInstances& instantiate(const ModuleCallConfig& call);
    Value path_value(const std::string& name, const HclPosition& where) const;
    Value iteration_value(const std::string& root, const std::string* attribute,
                          const HclPosition& where) const;
    /// Evaluates `expression` in this module with `key` as the current count/each.
    Value evaluate_with_key(const HclExpression& expression, const InstanceKey* key);

    const ProviderSettings* provider(const std::string& address);
    std::optional<ProviderSettings> evaluate_provider(const ProviderConfig& config);
    void build_resources(const ResourceConfig& config, std::vector<Resource>& resources);
    Resource build_resource(const ResourceConfig& config, const InstanceKey& key, bool keys_known);
    /// `TYPE.NAME` as an expression reads it: a resource value (one instance), a list of
    /// them (count) or a map (for_each); unknown when the instances are not known.
    Value resource_value(const std::string& type, const std::string& name,
                         const HclPosition& where);
    /// The instances a resource or module call block's count or for_each gives, evaluated
    /// outside any instance; nullopt when they depend on what is unknown.
    std::optional<std::vector<InstanceKey>> instance_keys(const HclBody& body);
    /// The evaluated body of one resource instance, evaluated once for both its resource
    /// and the expressions that refer to it.
    const Value& instance_attributes(const ResourceConfig& config, const InstanceKey& key);

    SourceRun& m_run;
    const ModuleConfig& m_config;
    ModuleInstance* m_parent = nullptr;
    const ModuleCallConfig* m_call = nullptr;
    InstanceKey m_key;
    std::string m_prefix;
    /// Root variables' given values; for a module instance, computed from the call.
    std::map<std::string, Value, std::less<>> m_inputs;
    std::map<std::string, Value, std::less<>> m_variables;
    std::map<std::string, Value, std::less<>> m_locals;
    std::set<std::string, std::less<>> m_evaluating;
    std::map<std::string, std::unique_ptr<CallInstances>, std::less<>> m_calls;
    std::map<std::string, std::optional<ProviderSettings>, std::less<>> m_providers;
    /// Resource instances' evaluated bodies, by address within this module instance.
    std::map<std::string, Value, std::less<>> m_instance_attributes;
    /// The resource or module call instance being evaluated (count and each).
    const InstanceKey* m_current = nullptr;
};

} // namespace costgate::ingest
