#include "plan_references.hpp"

#include "provider_regions.hpp"

#include <algorithm>
#include <optional>
#include <set>
#include <string_view>

namespace costgate::ingest {

namespace {

using ResourceReference = PlanReferences::ResourceReference;

/// The instance key at the start of `text` (`[0]`, `["a.b"]`), or empty when there is none
/// or its brackets do not close.
std::string_view leading_key(std::string_view text) {
    if (!text.starts_with('['))
        return {};
    bool in_string = false;
    for (std::size_t i = 1; i < text.size(); ++i) {
        const char c = text[i];
        if (in_string) {
            if (c == '\\')
                ++i;
            else if (c == '"')
                in_string = false;
        } else if (c == '"') {
            in_string = true;
        } else if (c == ']') {
            return text.substr(0, i + 1);
        }
    }
    return {};
}

/// The managed resource `reference` names, or nullopt for anything else (variables,
/// locals, data sources, module outputs, `count`, `each`, `self`, ...).
std::optional<ResourceReference> parse_reference(std::string_view reference) {
    for (const std::string_view prefix :
         {"var.", "local.", "module.", "data.", "count.", "each.", "path.", "terraform.", "self."})
        if (reference.starts_with(prefix))
            return std::nullopt;
    const std::size_t type_end = reference.find('.');
    if (type_end == std::string_view::npos || type_end == 0)
        return std::nullopt;
    const std::size_t name_end = reference.find_first_of(".[", type_end + 1);
    const std::size_t end = name_end == std::string_view::npos ? reference.size() : name_end;
    if (end == type_end + 1)
        return std::nullopt;
    ResourceReference parsed{std::string(reference.substr(0, end)), {}};
    if (end < reference.size())
        parsed.key = leading_key(reference.substr(end));
    return parsed;
}

/// The managed resources the `references` arrays in `expression` name, through nested
/// blocks; constant values are data, not expressions, and are not searched.
void collect_references(JsonValue expression, std::vector<ResourceReference>& out) {
    if (expression.is_array()) {
        for (const JsonValue element : expression.children())
            collect_references(element, out);
        return;
    }
    if (!expression.is_object())
        return;
    for (const JsonValue member : expression.children()) {
        if (member.key() == "references" && member.is_array()) {
            for (const JsonValue reference : member.children())
                if (reference.is_string())
                    if (auto parsed = parse_reference(reference.string()))
                        out.push_back(std::move(*parsed));
        } else if (member.key() != "constant_value") {
            collect_references(member, out);
        }
    }
}

/// The addresses of a plan's resources, for resolving references among them.
class Addresses {
  public:
    explicit Addresses(const std::vector<Resource>& resources) {
        for (const Resource& resource : resources)
            m_addresses.insert(resource.address);
    }

    /// The resource `reference` names from module instance `module_prefix` (empty or
    /// ending in `.`), for a resource whose own instance key is `own_key`; empty when it
    /// names none or several.
    std::string resolve(const ResourceReference& reference, const std::string& module_prefix,
                        std::string_view own_key) const {
        const std::string base = module_prefix + reference.type_and_name;
        if (!reference.key.empty())
            return m_addresses.contains(base + reference.key) ? base + reference.key : "";
        if (m_addresses.contains(base))
            return base;
        std::vector<std::string_view> instances;
        const std::string first = base + "[";
        for (auto it = m_addresses.lower_bound(first);
             it != m_addresses.end() && it->starts_with(first) && instances.size() < 2; ++it)
            if (!leading_key(std::string_view(*it).substr(base.size())).empty())
                instances.push_back(*it);
        if (instances.size() == 1)
            return std::string(instances.front());
        if (!own_key.empty() && m_addresses.contains(base + std::string(own_key)))
            return base + std::string(own_key);
        return "";
    }

  private:
    std::set<std::string, std::less<>> m_addresses;
};

} // namespace

PlanReferences::PlanReferences(JsonValue plan) {
    if (const JsonValue root = plan.find("configuration").find("root_module"))
        index_module(root, "");
}

void PlanReferences::index_module(JsonValue module, const std::string& prefix) {
    if (const JsonValue resources = module.find("resources"); resources.is_array()) {
        for (const JsonValue resource : resources.children()) {
            const JsonValue address = resource.find("address");
            const JsonValue expressions = resource.find("expressions");
            if (!address.is_string() || !expressions.is_object())
                continue;
            std::vector<std::pair<std::string, std::vector<ResourceReference>>> attributes;
            for (const JsonValue attribute : expressions.children()) {
                std::vector<ResourceReference> references;
                collect_references(attribute, references);
                if (!references.empty())
                    attributes.emplace_back(attribute.key(), std::move(references));
            }
            if (!attributes.empty())
                m_references.emplace(prefix + std::string(address.string()), std::move(attributes));
        }
    }
    if (const JsonValue calls = module.find("module_calls"); calls.is_object()) {
        for (const JsonValue call : calls.children())
            if (const JsonValue child = call.find("module"))
                index_module(child, prefix + "module." + std::string(call.key()) + ".");
    }
}

void PlanReferences::resolve(std::vector<Resource>& resources) const {
    if (m_references.empty())
        return;
    const Addresses addresses(resources);
    for (Resource& resource : resources) {
        // A deposed object is the old instance of a replacement; its configuration is the
        // new one's.
        if (resource.source != Source::terraform || resource.address.ends_with(")"))
            continue;
        const auto found = m_references.find(strip_instance_keys(resource.address));
        if (found == m_references.end())
            continue;
        std::string module_prefix = resource_module(resource);
        if (!module_prefix.empty())
            module_prefix += '.';
        const std::string_view local =
            std::string_view(resource.address).substr(module_prefix.size());
        const std::string_view own_key = local.substr(std::min(local.find('['), local.size()));
        for (const auto& [attribute, references] : found->second) {
            std::set<std::string> targets;
            for (const ResourceReference& reference : references)
                if (std::string target = addresses.resolve(reference, module_prefix, own_key);
                    !target.empty() && target != resource.address)
                    targets.insert(std::move(target));
            if (!targets.empty())
                resource.references.emplace(
                    attribute, std::vector<std::string>(targets.begin(), targets.end()));
        }
    }
}

} // namespace costgate::ingest
