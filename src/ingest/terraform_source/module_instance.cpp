#include "module_instance.hpp"

#include "body_values.hpp"
#include "costgate/model/error.hpp"
#include "function_library.hpp"
#include "hcl_parse.hpp"
#include "provider_defaults.hpp"
#include "region.hpp"
#include "resource_references.hpp"
#include "resource_tags.hpp"
#include "type_constraint.hpp"

namespace costgate::ingest {

namespace fs = std::filesystem;

namespace {

[[noreturn]] void fail(const HclPosition& where, const std::string& what) {
    throw InputError({where.file ? *where.file : std::string(), where.line, where.column}, what);
}

std::string location(const HclPosition& where) {
    return (where.file ? *where.file : std::string()) + ":" + std::to_string(where.line);
}

bool is_local_source(const std::string& source) {
    return source.starts_with("./") || source.starts_with("../");
}

/// The provider configuration an expression names: `aws`, `aws.west` (or, in `.tf.json`,
/// the string `"aws.west"`).
std::string provider_reference(const HclExpression& expression) {
    if (expression.kind == HclExpression::Kind::variable)
        return expression.name;
    if (expression.kind == HclExpression::Kind::get_attr &&
        expression.operands[0]->kind == HclExpression::Kind::variable)
        return expression.operands[0]->name + "." + expression.name;
    if (expression.kind == HclExpression::Kind::literal && expression.value.is_string())
        return expression.value.as_string();
    return {};
}

/// Sets a member while `m_current` points at something else, then restores it.
class CurrentKey {
  public:
    CurrentKey(const InstanceKey*& current, const InstanceKey* key)
        : m_current(current), m_saved(current) {
        current = key;
    }
    ~CurrentKey() { m_current = m_saved; }
    CurrentKey(const CurrentKey&) = delete;
    CurrentKey& operator=(const CurrentKey&) = delete;

  private:
    const InstanceKey*& m_current;
    const InstanceKey* m_saved;
};

// How deep variables, locals and resources may refer to one another: as deep as an
// expression may nest (evaluator.cpp), far beyond real configurations.
constexpr std::size_t k_max_reference_depth = 1000;

/// Marks a name as being evaluated, so a reference back to it is reported as a cycle.
class Evaluating {
  public:
    Evaluating(std::set<std::string, std::less<>>& names, std::string name,
               const HclPosition& where)
        : m_names(names), m_name(std::move(name)) {
        if (!m_names.insert(m_name).second)
            fail(where, m_name + " refers to itself");
        // Each name a value refers to is evaluated inside the one that needs it; a chain
        // thousands long would overflow the stack (a crash) rather than end.
        if (m_names.size() > k_max_reference_depth) {
            m_names.erase(m_name);
            fail(where, "references nest more than " + std::to_string(k_max_reference_depth) +
                            " deep (" + m_name + "); costgate does not follow them further");
        }
    }
    ~Evaluating() { m_names.erase(m_name); }
    Evaluating(const Evaluating&) = delete;
    Evaluating& operator=(const Evaluating&) = delete;

  private:
    std::set<std::string, std::less<>>& m_names;
    std::string m_name;
};

// How an expression reads a block that may have instances (a resource, a module call):
// the one instance itself when the block has neither count nor for_each, a map by key
// under for_each, else a list.
template <typename Instance, typename KeyOf, typename ValueOf>
Value instances_value(const std::vector<Instance>& instances, const HclBody& body, KeyOf key_of,
                      ValueOf value_of) {
    if (instances.size() == 1 && key_of(instances.front()).kind == InstanceKey::Kind::single)
        return value_of(instances.front());
    if (body.attribute("for_each")) {
        Value::Map map;
        for (const Instance& instance : instances)
            map.emplace(key_of(instance).key, value_of(instance));
        return Value::map(std::move(map));
    }
    Value::List list;
    for (const Instance& instance : instances)
        list.push_back(value_of(instance));
    return Value::list(std::move(list));
}

} // namespace

const ModuleConfig& SourceRun::config_for(const fs::path& directory) {
    const std::string key = directory.lexically_normal().string();
    std::unique_ptr<ModuleConfig>& config = configs[key];
    if (!config)
        config = std::make_unique<ModuleConfig>(load_module_config(directory.lexically_normal()));
    return *config;
}

/// The instances of one module call.
struct ModuleInstance::CallInstances {
    bool read = true;
    /// False when count or for_each is not known: then one instance stands for them all.
    bool keys_known = true;
    std::vector<std::unique_ptr<ModuleInstance>> instances;
};

ModuleInstance::ModuleInstance(SourceRun& run, const ModuleConfig& config,
                               std::map<std::string, Value> root_inputs)
    : m_run(run), m_config(config), m_inputs(root_inputs.begin(), root_inputs.end()) {}

ModuleInstance::ModuleInstance(SourceRun& run, const ModuleConfig& config, ModuleInstance& parent,
                               const ModuleCallConfig& call, InstanceKey key)
    : m_run(run), m_config(config), m_parent(&parent), m_call(&call), m_key(std::move(key)),
      m_prefix(parent.m_prefix + "module." + call.name + m_key.address_suffix() + ".") {}

ModuleInstance::~ModuleInstance() = default;

Value ModuleInstance::reference(const std::string& root, const std::string* attribute,
                                const HclPosition& where) {
    if (root == "count" || root == "each")
        return iteration_value(root, attribute, where);
    if (root == "self" || root == "data")
        return Value::unknown();
    if (root == "terraform")
        return attribute && *attribute == "workspace" ? Value::string("default") : Value::unknown();
    if (!attribute)
        fail(where, "\"" + root + "\" must be followed by an attribute name");
    if (root == "var")
        return variable(*attribute, where);
    if (root == "local")
        return local(*attribute, where);
    if (root == "module")
        return module_value(*attribute, where);
    if (root == "path")
        return path_value(*attribute, where);
    // Any other name is a resource: what its configuration sets is known before apply, as in
    // a plan (`location = azurerm_resource_group.main.location`); ids and other computed
    // attributes are not.
    return resource_value(root, *attribute, where);
}

Value ModuleInstance::resource_value(const std::string& type, const std::string& name,
                                     const HclPosition& where) {
    const ResourceConfig* config = m_config.resource(type + "." + name);
    if (!config)
        return Value::unknown();
    const Evaluating evaluating(m_evaluating, type + "." + name, where);
    std::optional<std::vector<InstanceKey>> keys = instance_keys(*config->body);
    if (!keys)
        return Value::unknown();
    return instances_value(
        *keys, *config->body, [](const InstanceKey& key) -> const InstanceKey& { return key; },
        [&](const InstanceKey& key) { return Value::resource(instance_attributes(*config, key)); });
}

std::optional<std::vector<InstanceKey>> ModuleInstance::instance_keys(const HclBody& body) {
    const CurrentKey current(m_current, nullptr);
    Evaluator evaluator(*this, m_run.diagnostics);
    return expand_instances(body, evaluator);
}

const Value& ModuleInstance::instance_attributes(const ResourceConfig& config,
                                                 const InstanceKey& key) {
    const std::string address = config.type + "." + config.name + key.address_suffix();
    if (const auto known = m_instance_attributes.find(address);
        known != m_instance_attributes.end())
        return known->second;
    const CurrentKey current(m_current, &key);
    Evaluator evaluator(*this, m_run.diagnostics);
    Value attributes = evaluate_resource_body(*config.body, evaluator);
    return m_instance_attributes.emplace(address, std::move(attributes)).first->second;
}

Value ModuleInstance::evaluate_with_key(const HclExpression& expression, const InstanceKey* key) {
    const CurrentKey current(m_current, key);
    Evaluator evaluator(*this, m_run.diagnostics);
    return evaluator.evaluate(expression);
}

Value ModuleInstance::variable(const std::string& name, const HclPosition& where) {
    if (const auto known = m_variables.find(name); known != m_variables.end())
        return known->second;
    const auto declared = m_config.variables.find(name);
    if (declared == m_config.variables.end())
        fail(where, "reference to undeclared input variable \"" + name + "\"");
    const VariableConfig& config = declared->second;
    const Evaluating evaluating(m_evaluating, "var." + name, where);
    std::optional<Value> value;
    if (const auto given = m_inputs.find(name); given != m_inputs.end())
        value = given->second;
    else if (m_call)
        if (const HclAttribute* input = m_call->body->attribute(name))
            value = m_parent->evaluate_with_key(*input->expression, &m_key);
    if (!value && config.fallback)
        value = evaluate_with_key(*config.fallback, nullptr);
    if (!value) {
        m_run.diagnostics.warn_once(
            m_prefix + "var." + name,
            location(config.position) + ": variable \"" + name + "\"" +
                (m_call ? " of " + m_prefix.substr(0, m_prefix.size() - 1) : std::string()) +
                " has no value (no default, tfvars file or --var): values that depend on it are "
                "unknown");
        value = Value::unknown();
    }
    if (config.type) {
        Evaluator evaluator(*this, m_run.diagnostics);
        const HclExpression* type = config.type;
        HclExpressionPtr parsed;
        if (type->kind == HclExpression::Kind::literal && type->value.is_string()) {
            parsed = parse_hcl_expression(*config.position.file, type->value.as_string());
            type = parsed.get();
        }
        try {
            value = convert_to_type(*value, parse_type_constraint(*type, evaluator));
        } catch (const FunctionError& error) {
            fail(config.position, "variable \"" + name + "\": invalid value: " + error.what());
        }
    }
    return m_variables.emplace(name, *value).first->second;
}

Value ModuleInstance::local(const std::string& name, const HclPosition& where) {
    if (const auto known = m_locals.find(name); known != m_locals.end())
        return known->second;
    const auto declared = m_config.locals.find(name);
    if (declared == m_config.locals.end())
        fail(where, "reference to undeclared local value \"" + name + "\"");
    const Evaluating evaluating(m_evaluating, "local." + name, where);
    Value value = evaluate_with_key(*declared->second->expression, nullptr);
    return m_locals.emplace(name, std::move(value)).first->second;
}

Value ModuleInstance::outputs() {
    Value::Map values;
    for (const auto& [name, output] : m_config.outputs) {
        const Evaluating evaluating(m_evaluating, "output." + name, output->position);
        values.emplace(name, evaluate_with_key(*output->expression, nullptr));
    }
    return Value::map(std::move(values));
}

ModuleInstance::CallInstances& ModuleInstance::instantiate(const ModuleCallConfig& call) {
    std::unique_ptr<CallInstances>& slot = m_calls[call.name];
    if (slot)
        return *slot;
    slot = std::make_unique<CallInstances>();
    const std::string address = m_prefix + "module." + call.name;
    if (!is_local_source(call.source)) {
        slot->read = false;
        m_run.diagnostics.warn_once(
            address, location(call.position) + ": " + address + " (source \"" + call.source +
                         "\") is not read: only modules from local paths are; "
                         "its resources are not priced");
        return *slot;
    }
    const ModuleConfig& config = m_run.config_for(m_config.directory / call.source);
    std::optional<std::vector<InstanceKey>> keys = instance_keys(*call.body);
    if (!keys) {
        slot->keys_known = false;
        keys = std::vector<InstanceKey>{
            InstanceKey{InstanceKey::Kind::unknown, 0, {}, Value::unknown()}};
    }
    for (InstanceKey& key : *keys)
        slot->instances.push_back(
            std::make_unique<ModuleInstance>(m_run, config, *this, call, std::move(key)));
    return *slot;
}

Value ModuleInstance::module_value(const std::string& name, const HclPosition& where) {
    const auto call = m_config.module_calls.find(name);
    if (call == m_config.module_calls.end())
        fail(where, "reference to undeclared module \"" + name + "\"");
    CallInstances& instances = instantiate(call->second);
    if (!instances.read || !instances.keys_known)
        return Value::unknown();
    const Evaluating evaluating(m_evaluating, "module." + name, where);
    return instances_value(
        instances.instances, *call->second.body,
        [](const std::unique_ptr<ModuleInstance>& instance) -> const InstanceKey& {
            return instance->m_key;
        },
        [](const std::unique_ptr<ModuleInstance>& instance) { return instance->outputs(); });
}

Value ModuleInstance::path_value(const std::string& name, const HclPosition& where) const {
    if (name == "module")
        return Value::string(m_config.directory.lexically_normal().string());
    if (name == "root")
        return Value::string(m_run.root_directory);
    if (name == "cwd")
        return Value::string(fs::current_path().string());
    fail(where, "unknown path attribute \"" + name + "\"");
}

Value ModuleInstance::iteration_value(const std::string& root, const std::string* attribute,
                                      const HclPosition& where) const {
    const bool count = root == "count";
    if (!m_current ||
        (m_current->kind != (count ? InstanceKey::Kind::count : InstanceKey::Kind::for_each) &&
         m_current->kind != InstanceKey::Kind::unknown))
        fail(where, "\"" + root + "\" is only available where " + (count ? "count" : "for_each") +
                        " is set");
    if (m_current->kind == InstanceKey::Kind::unknown)
        return Value::unknown();
    if (count && attribute && *attribute == "index")
        return Value::number(static_cast<double>(m_current->index));
    if (!count && attribute && *attribute == "key")
        return Value::string(m_current->key);
    if (!count && attribute && *attribute == "value")
        return m_current->each_value;
    fail(where, "unknown attribute of \"" + root + "\"");
}

const ProviderSettings* ModuleInstance::provider(const std::string& address) {
    if (const auto known = m_providers.find(address); known != m_providers.end())
        return known->second ? &*known->second : nullptr;
    std::optional<ProviderSettings> settings;
    bool found = false;
    for (const ProviderConfig& config : m_config.providers)
        if (config.address == address) {
            settings = evaluate_provider(config);
            found = true;
        }
    if (!found && m_parent) {
        // A module gets its parent's configurations through `providers = { aws = aws.west }`,
        // and the parent's default (unaliased) ones implicitly.
        std::string passed;
        if (const HclAttribute* providers = m_call->body->attribute("providers");
            providers && providers->expression->kind == HclExpression::Kind::object) {
            const auto& operands = providers->expression->operands;
            for (std::size_t i = 0; i + 1 < operands.size(); i += 2)
                if (provider_reference(*operands[i]) == address)
                    passed = provider_reference(*operands[i + 1]);
        }
        if (passed.empty() && address.find('.') == std::string::npos)
            passed = address;
        if (!passed.empty())
            if (const ProviderSettings* inherited = m_parent->provider(passed))
                settings = *inherited;
    }
    const auto& stored = m_providers.emplace(address, std::move(settings)).first->second;
    return stored ? &*stored : nullptr;
}

std::optional<ProviderSettings> ModuleInstance::evaluate_provider(const ProviderConfig& config) {
    Evaluator evaluator(*this, m_run.diagnostics);
    const CurrentKey current(m_current, nullptr);
    ProviderSettings settings;
    const std::string name = config.address.substr(0, config.address.find('.'));
    for (const char* key : {"region", "zone"}) {
        const HclAttribute* attribute = config.body->attribute(key);
        if (!attribute || !settings.region.empty())
            continue;
        const Value value = evaluator.evaluate(*attribute->expression);
        if (value.is_string())
            settings.region = value.as_string();
    }
    settings.default_tags = provider_default_tags(name, *config.body, evaluator);
    return settings;
}

void ModuleInstance::collect_resources(std::vector<Resource>& resources) {
    for (const ResourceConfig& config : m_config.resources)
        build_resources(config, resources);
    for (const auto& [name, call] : m_config.module_calls)
        for (const auto& instance : instantiate(call).instances)
            instance->collect_resources(resources);
}

void ModuleInstance::build_resources(const ResourceConfig& config,
                                     std::vector<Resource>& resources) {
    std::optional<std::vector<InstanceKey>> keys = instance_keys(*config.body);
    if (!keys) {
        const InstanceKey unknown{InstanceKey::Kind::unknown, 0, {}, Value::unknown()};
        resources.push_back(build_resource(config, unknown, false));
        return;
    }
    bool module_keys_known = true;
    for (const ModuleInstance* module = this; module; module = module->m_parent)
        module_keys_known = module_keys_known && module->m_key.kind != InstanceKey::Kind::unknown;
    for (const InstanceKey& key : *keys)
        resources.push_back(build_resource(config, key, module_keys_known));
}

Resource ModuleInstance::build_resource(const ResourceConfig& config, const InstanceKey& key,
                                        bool keys_known) {
    Value attributes = instance_attributes(config, key);
    std::string provider_address = config.type.substr(0, config.type.find('_'));
    if (const HclAttribute* meta = config.body->attribute("provider"))
        provider_address = provider_reference(*meta->expression);
    Resource resource;
    resource.provider = provider_address.substr(0, provider_address.find('.'));
    resource.cloud = cloud_of_provider(resource.provider);
    resource.address = m_prefix + config.type + "." + config.name + key.address_suffix();
    resource.type = config.type;
    resource.source = Source::terraform;
    resource.file = config.position.file ? *config.position.file : std::string();
    resource.line = config.position.line;
    resource.declared_file = resource.file;
    resource.declared_line = resource.line;
    resource.action = Action::create;
    resource.references = configured_references(*config.body, m_config, m_prefix);
    const ProviderSettings* settings = provider(provider_address);
    attributes = add_provider_defaults(resource.provider, std::move(attributes),
                                       settings ? settings->default_tags : Value());
    if (!keys_known) {
        // Without the number of instances nothing about the cost is known: every attribute is
        // reported unknown, as a plan reports what it cannot know.
        Value::Map unknown;
        for (const auto& [name, value] : attributes.as_map())
            unknown.emplace(name, Value::unknown());
        attributes = Value::map(std::move(unknown));
        resource.notes.push_back(
            "count or for_each is not known without a plan: how many instances there "
            "will be, and so their cost, is unknown");
    }
    JsonTreeBuilder after;
    JsonTreeBuilder unknown;
    after.begin_object();
    unknown.begin_object();
    for (const auto& [name, value] : attributes.as_map()) {
        after.key(name);
        if (value.has_unknown())
            unknown.key(name);
        write_value(value, after, unknown);
    }
    after.end_object();
    unknown.end_object();
    resource.after = after.finish();
    resource.after_unknown = unknown.finish();
    resource.tags = resource_tags(resource);
    resource.region = region_from_attributes(resource.cloud, *resource.after);
    if (resource.region.empty() && settings && !settings->region.empty())
        resource.region = normalise_region(resource.cloud, settings->region);
    if (resource.region.empty() && !m_run.default_region.empty()) {
        resource.region = m_run.default_region;
        resource.notes.push_back("region " + resource.region + " from --region");
    }
    return resource;
}

} // namespace costgate::ingest
