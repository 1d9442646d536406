#include "provider_regions.hpp"

#include "region.hpp"

#include <vector>

namespace costgate::ingest {

namespace {

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

// The region an AWS data source was read in: `data.aws_region`'s name, or the region field
// of a regional ARN (`arn:aws:ec2:us-west-1::image/ami-1`); empty when it does not say. A
// data source reads through its provider configuration's region, so this is that region.
std::string aws_region_read_by(JsonValue resource) {
    const JsonValue values = resource.find("values");
    if (resource.find("type").string() == "aws_region") {
        const JsonValue name = values.find("name");
        return name.is_string() ? normalise_region(Cloud::aws, name.string()) : std::string();
    }
    const JsonValue arn = values.find("arn");
    if (!arn.is_string() || !arn.string().starts_with("arn:"))
        return {};
    // arn:PARTITION:SERVICE:REGION:...; global services (IAM, S3) leave REGION empty.
    std::string_view rest = arn.string();
    for (int field = 0; field < 3; ++field) {
        const std::size_t colon = rest.find(':');
        if (colon == std::string_view::npos)
            return {};
        rest.remove_prefix(colon + 1);
    }
    const std::string_view region = rest.substr(0, rest.find(':'));
    return region.empty() ? std::string() : normalise_region(Cloud::aws, region);
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

ProviderRegions::ProviderRegions(JsonValue plan) {
    m_variables = plan.find("variables");
    const JsonValue configuration = plan.find("configuration");
    if (const JsonValue root = configuration.find("root_module"))
        index_module(root, "");
    if (const JsonValue configs = configuration.find("provider_config"); configs.is_object()) {
        for (const JsonValue config : configs.children()) {
            const std::string key(config.key());
            // A module's required_providers entry (`module.a.module.b:aws` with only a
            // version constraint) is listed too, but configures nothing: the module still
            // inherits its parent's configuration. Only an entry with arguments or an alias
            // is a configuration of its own.
            if (!config.find("expressions") && !config.find("alias"))
                continue;
            m_declared.insert(key);
            std::string region = region_of_config(config);
            if (!region.empty())
                m_regions[key] = std::move(region);
        }
    }
    infer_from_data_sources(plan.find("prior_state"));
}

void ProviderRegions::index_module(JsonValue module, const std::string& prefix) {
    if (const JsonValue resources = module.find("resources"); resources.is_array()) {
        for (const JsonValue resource : resources.children()) {
            const JsonValue address = resource.find("address");
            const JsonValue key = resource.find("provider_config_key");
            if (address.is_string() && key.is_string())
                m_resource_keys[prefix + std::string(address.string())] = key.string();
        }
    }
    if (const JsonValue calls = module.find("module_calls"); calls.is_object()) {
        for (const JsonValue call : calls.children())
            if (const JsonValue child = call.find("module"))
                index_module(child, prefix + "module." + std::string(call.key()) + ".");
    }
}

std::string ProviderRegions::region_of_config(JsonValue config) const {
    const JsonValue name = config.find("name");
    const JsonValue expressions = config.find("expressions");
    if (!name.is_string() || !expressions)
        return {};
    const Cloud cloud = cloud_of_provider(std::string(name.string()));
    for (const char* key : {"region", "zone"}) {
        const JsonValue expression = expressions.find(key);
        if (!expression)
            continue;
        if (const JsonValue constant = expression.find("constant_value"); constant.is_string())
            return normalise_region(cloud, std::string(constant.string()));
        // A root-module provider whose region is `var.x` takes the plan's value of x.
        const JsonValue references = expression.find("references");
        const bool in_root = !config.find("module_address");
        if (!in_root || !references.is_array() || !m_variables)
            continue;
        for (const JsonValue reference : references.children()) {
            if (!reference.is_string() || !reference.string().starts_with("var."))
                continue;
            const JsonValue value = m_variables.find(reference.string().substr(4)).find("value");
            if (value.is_string())
                return normalise_region(cloud, std::string(value.string()));
        }
    }
    return {};
}

std::string ProviderRegions::config_key_for(const std::string& config_address,
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
    for (const std::string& candidate : candidates)
        if (m_declared.contains(candidate))
            return candidate;
    // Undeclared all the way up: the root module's default configuration, declared or not.
    return local;
}

void ProviderRegions::infer_from_data_sources(JsonValue prior_state) {
    std::map<std::string, std::set<std::string>> seen;
    std::vector<JsonValue> modules{prior_state.find("values").find("root_module")};
    while (!modules.empty()) {
        const JsonValue module = modules.back();
        modules.pop_back();
        for (const JsonValue child : module.find("child_modules").children())
            modules.push_back(child);
        for (const JsonValue resource : module.find("resources").children()) {
            const JsonValue provider = resource.find("provider_name");
            const JsonValue address = resource.find("address");
            if (resource.find("mode").string() != "data" || !provider.is_string() ||
                !address.is_string())
                continue;
            const std::string_view name = provider.string();
            const std::string local(name.substr(name.rfind('/') + 1));
            if (cloud_of_provider(local) != Cloud::aws)
                continue;
            const std::string region = aws_region_read_by(resource);
            if (!region.empty())
                seen[config_key_for(strip_instance_keys(std::string(address.string())), local)]
                    .insert(region);
        }
    }
    // A configuration whose data sources disagree keeps no region rather than a guess.
    for (const auto& [key, regions] : seen)
        if (regions.size() == 1 && !m_regions.contains(key))
            m_regions[key] = *regions.begin();
}

std::string ProviderRegions::region_for(const std::string& config_address,
                                        const std::string& provider) const {
    const auto region = m_regions.find(config_key_for(config_address, provider));
    return region != m_regions.end() ? region->second : std::string();
}

} // namespace costgate::ingest
