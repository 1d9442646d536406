#include "costgate/pricing/usage.hpp"

#include "costgate/model/error.hpp"
#include "costgate/pricing/pricer.hpp"
#include "costgate/util/glob.hpp"
#include "costgate/util/input_file.hpp"
#include "costgate/util/yaml_map.hpp"
#include "usage_values.hpp"

#include <algorithm>

namespace costgate::pricing {

std::string usage_address_type(std::string_view address) {
    if (const std::size_t first = address.find('/'); first != std::string_view::npos) {
        const std::size_t last = address.rfind('/');
        return last > first ? std::string(address.substr(first + 1, last - first - 1))
                            : std::string();
    }
    std::string plain;
    int depth = 0;
    for (char c : address) {
        depth += c == '[';
        if (depth == 0)
            plain += c;
        depth -= c == ']' && depth > 0;
    }
    const std::size_t last_dot = plain.rfind('.');
    if (last_dot == std::string::npos || last_dot == 0)
        return {};
    const std::size_t previous_dot = plain.rfind('.', last_dot - 1);
    return plain.substr(previous_dot == std::string::npos ? 0 : previous_dot + 1,
                        last_dot - (previous_dot == std::string::npos ? 0 : previous_dot + 1));
}

double read_usage_value(const util::YamlMap& map, const YAML::Node& value, const std::string& key) {
    const double number = util::yaml_number(map, value, "usage \"" + key + "\"");
    if (number < 0)
        map.fail(value, "usage \"" + key + "\" must not be negative");
    return number;
}

namespace {

// Usage keys whose value is a name, not a quantity: the hosted model a Kubernetes workload
// calls (src/pricing/k8s/hosted_model.cpp).
constexpr std::string_view k_text_keys[] = {"model"};

bool is_text_key(std::string_view key) {
    return std::find(std::begin(k_text_keys), std::end(k_text_keys), key) != std::end(k_text_keys);
}

} // namespace

void Usage::read_values(Entry& entry, const std::string& file, const YAML::Node& node,
                        const std::string& type, const std::string& what) {
    const std::vector<std::string_view> keys = pricer_usage_keys(type);
    util::YamlMap map(file, node, what);
    for (const auto& item : map.entries()) {
        const std::string key = item.first.Scalar();
        if (std::find(keys.begin(), keys.end(), key) == keys.end()) {
            std::string known;
            for (std::string_view name : keys)
                known += (known.empty() ? "" : ", ") + std::string(name);
            map.fail(item.first,
                     "unknown usage key \"" + key + "\" for " + type +
                         (known.empty() ? " (it takes no usage)" : " (known: " + known + ")"));
        }
        const YAML::Node value = map.get(key);
        if (!is_text_key(key)) {
            entry.values[key] = read_usage_value(map, value, key);
            continue;
        }
        if (!value.IsScalar() || value.Scalar().empty())
            map.fail(value, "usage \"" + key + "\" must be a name");
        entry.texts[key] = value.Scalar();
    }
}

Usage Usage::parse(std::string_view name, std::string_view yaml) {
    const std::string file(name);
    const YAML::Node document = util::load_yaml(file, yaml);
    if (is_infracost_usage(document))
        return parse_infracost(file, document);
    util::YamlMap top = util::load_versioned_document(file, yaml, "usage file");

    Usage usage;
    if (const YAML::Node defaults = top.get("resource_type_default_usage");
        defaults.IsDefined() && !defaults.IsNull()) {
        util::YamlMap by_type(file, defaults, "resource_type_default_usage");
        for (const auto& entry : by_type.entries()) {
            const std::string type = entry.first.Scalar();
            read_values(usage.m_by_type[type], file, by_type.get(type), type, type);
        }
    }
    if (const YAML::Node resources = top.get("resource_usage");
        resources.IsDefined() && !resources.IsNull()) {
        util::YamlMap by_address(file, resources, "resource_usage");
        for (const auto& entry : by_address.entries()) {
            const std::string address = entry.first.Scalar();
            const std::string type = usage_address_type(address);
            if (type.empty() || type.find('*') != std::string::npos)
                by_address.fail(entry.first,
                                "\"" + address + "\" must end in TYPE.NAME with a literal type");
            Entry read;
            read.where = util::yaml_location(file, entry.first);
            read_values(read, file, by_address.get(address), type, address);
            usage.m_by_address.emplace_back(address, std::move(read));
        }
    }
    usage.m_unit_volumes = UnitVolumes::parse(file, top.get("unit_volumes"));
    top.finish();
    return usage;
}

Usage Usage::load_file(const std::string& path) {
    const util::InputText input = util::read_input(path);
    return parse(input.name, input.text);
}

std::vector<const Usage::Entry*> Usage::entries_for(std::string_view address,
                                                    std::string_view type) const {
    std::vector<const Entry*> entries;
    for (const auto& [pattern, entry] : m_by_address)
        if (pattern == address)
            entries.push_back(&entry);
    for (const auto& [pattern, entry] : m_by_address)
        if (pattern != address && util::glob_match(pattern, address))
            entries.push_back(&entry);
    if (const auto defaults = m_by_type.find(type); defaults != m_by_type.end())
        entries.push_back(&defaults->second);
    return entries;
}

bool names_some_resource(std::string_view pattern, const std::vector<Resource>& resources) {
    return std::any_of(resources.begin(), resources.end(), [&](const Resource& resource) {
        return resource.address == pattern || util::glob_match(pattern, resource.address);
    });
}

std::vector<std::string> Usage::unmatched_addresses(const std::vector<Resource>& resources) const {
    std::vector<std::string> messages;
    for (const auto& [pattern, entry] : m_by_address)
        if (!names_some_resource(pattern, resources))
            messages.push_back(entry.where.to_string() + ": resource_usage \"" + pattern +
                               "\" matches no resource of this run: its usage is not used");
    for (std::string& message : m_unit_volumes.unmatched_addresses(resources))
        messages.push_back(std::move(message));
    return messages;
}

std::optional<double> Usage::value(std::string_view address, std::string_view type,
                                   std::string_view key) const {
    for (const Entry* entry : entries_for(address, type))
        if (const auto found = entry->values.find(key); found != entry->values.end())
            return found->second;
    return std::nullopt;
}

std::optional<std::string> Usage::text(std::string_view address, std::string_view type,
                                       std::string_view key) const {
    for (const Entry* entry : entries_for(address, type))
        if (const auto found = entry->texts.find(key); found != entry->texts.end())
            return found->second;
    return std::nullopt;
}

std::vector<std::string> Usage::notes(std::string_view address, std::string_view type) const {
    for (const Entry* entry : entries_for(address, type))
        if (!entry->notes.empty())
            return entry->notes;
    return {};
}

} // namespace costgate::pricing
