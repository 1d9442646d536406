#include "costgate/policy/rule.hpp"

#include "costgate/model/error.hpp"
#include "costgate/policy/policy.hpp"

#include <algorithm>
#include <array>
#include <map>
#include <stdexcept>

namespace costgate::policy {

namespace {

constexpr std::array<std::string_view, 15> k_common_placeholders = {
    "action",        "address",        "file",          "message", "module",
    "monthly_after", "monthly_before", "monthly_delta", "name",    "namespace",
    "region",        "rule",           "severity",      "source",  "type"};

std::string money_text(const std::optional<Money>& amount) {
    return amount ? amount->to_cents_string() : std::string("unpriced");
}

std::optional<std::string> resource_value(const PricedResource& priced, std::string_view name) {
    const Resource& resource = priced.resource;
    if (name.starts_with("tag.")) {
        const auto found = resource.tags.find(std::string(name.substr(4)));
        return found == resource.tags.end() ? std::nullopt : std::optional(found->second);
    }
    if (name == "address")
        return resource.address;
    if (name == "type")
        return resource.type;
    if (name == "name")
        return resource.address.substr(resource.address.find_last_of("./") + 1);
    if (name == "source")
        return std::string(to_string(resource.source));
    if (name == "action")
        return std::string(to_string(resource.action));
    if (name == "region")
        return resource.region;
    if (name == "namespace")
        return resource.k8s_namespace;
    if (name == "module")
        return resource_module(resource);
    if (name == "file")
        return resource.file;
    const ResourceEstimate& estimate = priced.estimate;
    if (name == "monthly_before")
        return money_text(estimate.monthly_before);
    if (name == "monthly_after")
        return money_text(estimate.monthly_after);
    if (name == "monthly_delta")
        return money_text(estimate.monthly_delta);
    return std::nullopt;
}

} // namespace

bool is_common_placeholder(std::string_view name) {
    return (name.starts_with("tag.") && name.size() > 4) ||
           std::find(k_common_placeholders.begin(), k_common_placeholders.end(), name) !=
               k_common_placeholders.end();
}

Finding Rule::finding(const PricedResource* priced, std::string text,
                      const MessageValues& values) const {
    const Resource* resource = priced ? &priced->resource : nullptr;
    Finding result;
    result.rule = id;
    result.severity = severity;
    if (resource) {
        result.resource = resource->address;
        const bool declared = !resource->declared_file.empty();
        result.file = declared ? resource->declared_file : resource->file;
        result.line = declared ? resource->declared_line : resource->line;
    } else {
        result.file = file;
        result.line = line;
    }
    if (message.empty()) {
        result.message = std::move(text);
        return result;
    }
    result.message = message.render([&](std::string_view name) -> std::optional<std::string> {
        for (const auto& [key, value] : values)
            if (key == name)
                return value;
        if (name == "message")
            return text;
        if (name == "rule")
            return id;
        if (name == "severity")
            return std::string(to_string(severity));
        return priced ? resource_value(*priced, name) : std::nullopt;
    });
    return result;
}

void Policy::merge(Policy&& other) {
    std::map<std::string, const Rule*> declared;
    for (const auto& rule : rules)
        declared[rule->id] = rule.get();
    for (auto& rule : other.rules) {
        if (const auto found = declared.find(rule->id); found != declared.end())
            throw InputError({rule->file, rule->line, 0, {}},
                             "rule id \"" + rule->id + "\" is already declared at " +
                                 found->second->file + ":" + std::to_string(found->second->line));
        declared[rule->id] = rule.get();
        rules.push_back(std::move(rule));
    }
    for (Exemption& exemption : other.exemptions)
        exemptions.push_back(std::move(exemption));
    if (!other.cluster_profile.empty()) {
        if (!cluster_profile.empty() && cluster_profile != other.cluster_profile)
            throw InputError(other.cluster_profile_location,
                             "settings.cluster \"" + other.cluster_profile +
                                 "\" conflicts with \"" + cluster_profile + "\" set at " +
                                 cluster_profile_location.to_string());
        cluster_profile = other.cluster_profile;
        cluster_profile_location = other.cluster_profile_location;
    }
}

void Policy::check_exemptions() const {
    for (const Exemption& exemption : exemptions) {
        const bool declared = std::any_of(rules.begin(), rules.end(), [&](const auto& rule) {
            return rule->id == exemption.rule;
        });
        if (!declared)
            throw InputError(exemption.rule_location, "exemption names rule \"" + exemption.rule +
                                                          "\", which no policy file declares");
    }
}

} // namespace costgate::policy
