#include "provider_regions.hpp"

#include "region.hpp"

#include <vector>

namespace costgate::ingest {

namespace {

const nlohmann::json* member(const nlohmann::json& object, const char* key) {
    if (!object.is_object())
        return nullptr;
    const auto found = object.find(key);
    return found == object.end() ? nullptr : &*found;
}

const std::string* string_member(const nlohmann::json& object, const char* key) {
    const nlohmann::json* value = member(object, key);
    return value && value->is_string() ? &value->get_ref<const std::string&>() : nullptr;
}

// `module.a.module.b.aws_instance.x` → {"a", "b"}.
std::vector<std::string> module_names(const std::string& config_address) {
    std::vector<std::string> names;
    std::size_t position = 0;
    while (config_address.compare(position, 7, "module.") == 0) {
        const std::size_t start = position + 7;
        const std::size_t dot = config_address.find('.', start);
        if (dot == std::string::npos)
            break;
        names.push_back(config_address.substr(start, dot - start));
        position = dot + 1;
    }
    return names;
}

} // namespace

std::string strip_instance_keys(const std::string& address) {
    std::string out;
    out.reserve(address.size());
    int depth = 0;
    bool in_string = false;
    for (std::size_t i = 0; i < address.size(); ++i) {
        const char c = address[i];
        if (in_string) {
            if (c == '\\')
                ++i;
            else if (c == '"')
                in_string = false;
        } else if (c == '[') {
            ++depth;
        } else if (c == ']') {
            depth = depth > 0 ? depth - 1 : 0;
        } else if (c == '"' && depth > 0) {
            in_string = true;
        } else if (depth == 0) {
            out += c;
        }
    }
    return out;
}

ProviderRegions::ProviderRegions(const nlohmann::json& plan) {
    m_variables = member(plan, "variables");
    const nlohmann::json* configuration = member(plan, "configuration");
    if (!configuration)
        return;
    if (const nlohmann::json* root = member(*configuration, "root_module"))
        index_module(*root, "");
    if (const nlohmann::json* configs = member(*configuration, "provider_config");
        configs && configs->is_object()) {
        for (const auto& [key, config] : configs->items()) {
            m_declared.insert(key);
            std::string region = region_of_config(config);
            if (!region.empty())
                m_regions[key] = std::move(region);
        }
    }
}

void ProviderRegions::index_module(const nlohmann::json& module, const std::string& prefix) {
    if (const nlohmann::json* resources = member(module, "resources");
        resources && resources->is_array()) {
        for (const nlohmann::json& resource : *resources) {
            const std::string* address = string_member(resource, "address");
            const std::string* key = string_member(resource, "provider_config_key");
            if (address && key)
                m_resource_keys[prefix + *address] = *key;
        }
    }
    if (const nlohmann::json* calls = member(module, "module_calls"); calls && calls->is_object()) {
        for (const auto& [name, call] : calls->items())
            if (const nlohmann::json* child = member(call, "module"))
                index_module(*child, prefix + "module." + name + ".");
    }
}

std::string ProviderRegions::region_of_config(const nlohmann::json& config) const {
    const std::string* name = string_member(config, "name");
    const nlohmann::json* expressions = member(config, "expressions");
    if (!name || !expressions)
        return {};
    for (const char* key : {"region", "zone"}) {
        const nlohmann::json* expression = member(*expressions, key);
        if (!expression)
            continue;
        if (const std::string* constant = string_member(*expression, "constant_value"))
            return normalise_region(*name, *constant);
        // A root-module provider whose region is `var.x` takes the plan's value of x.
        const nlohmann::json* references = member(*expression, "references");
        const bool in_root = member(config, "module_address") == nullptr;
        if (!in_root || !references || !references->is_array() || !m_variables)
            continue;
        for (const nlohmann::json& reference : *references) {
            if (!reference.is_string() ||
                !reference.get_ref<const std::string&>().starts_with("var."))
                continue;
            const std::string variable = reference.get<std::string>().substr(4);
            if (const nlohmann::json* entry = member(*m_variables, variable.c_str()))
                if (const std::string* value = string_member(*entry, "value"))
                    return normalise_region(*name, *value);
        }
    }
    return {};
}

std::string ProviderRegions::region_for(const std::string& config_address,
                                        const std::string& provider) const {
    const auto known = m_resource_keys.find(config_address);
    const std::string key = known != m_resource_keys.end() ? known->second : provider;

    // Terraform names a module's provider configuration `module.a.module.b:aws` (or, before
    // 0.15, `b:aws`); a module without its own configuration inherits its parent's.
    std::vector<std::string> candidates{key};
    const std::size_t colon = key.rfind(':');
    const std::string local = colon == std::string::npos ? key : key.substr(colon + 1);
    std::vector<std::string> modules = module_names(config_address);
    while (!modules.empty()) {
        std::string path;
        for (const std::string& name : modules)
            path += (path.empty() ? "module." : ".module.") + name;
        candidates.push_back(path + ":" + local);
        candidates.push_back(modules.back() + ":" + local);
        modules.pop_back();
    }
    candidates.push_back(local);

    for (const std::string& candidate : candidates) {
        if (const auto region = m_regions.find(candidate); region != m_regions.end())
            return region->second;
        if (m_declared.contains(candidate))
            return {};
    }
    return {};
}

} // namespace costgate::ingest
