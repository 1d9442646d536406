#include "costgate/pricing/usage.hpp"

#include "costgate/model/error.hpp"
#include "costgate/pricing/pricer.hpp"
#include "costgate/util/glob.hpp"
#include "costgate/util/input_file.hpp"
#include "costgate/util/yaml_map.hpp"

#include <algorithm>

namespace costgate::pricing {

namespace {

// `module.a.aws_lambda_function.api["x"]` → `aws_lambda_function`: the type is the
// second-to-last dotted part once instance keys are ignored. A Kubernetes address
// `namespace/Kind/name` has its kind in the middle.
std::string type_of_address(std::string_view address) {
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

std::map<std::string, double, std::less<>> read_values(const std::string& file,
                                                       const YAML::Node& node,
                                                       const std::string& type,
                                                       const std::string& what) {
    const std::vector<std::string_view> keys = pricer_usage_keys(type);
    util::YamlMap map(file, node, what);
    std::map<std::string, double, std::less<>> values;
    for (const auto& entry : map.entries()) {
        const std::string key = entry.first.Scalar();
        if (std::find(keys.begin(), keys.end(), key) == keys.end()) {
            std::string known;
            for (std::string_view name : keys)
                known += (known.empty() ? "" : ", ") + std::string(name);
            map.fail(entry.first,
                     "unknown usage key \"" + key + "\" for " + type +
                         (known.empty() ? " (it takes no usage)" : " (known: " + known + ")"));
        }
        const double value = util::yaml_number(map, map.get(key), "usage \"" + key + "\"");
        if (value < 0)
            map.fail(entry.second, "usage \"" + key + "\" must not be negative");
        values[key] = value;
    }
    return values;
}

} // namespace

Usage Usage::parse(std::string_view name, std::string_view yaml) {
    const std::string file(name);
    util::YamlMap top = util::load_versioned_document(file, yaml, "usage file");

    Usage usage;
    if (const YAML::Node defaults = top.get("resource_type_default_usage");
        defaults.IsDefined() && !defaults.IsNull()) {
        util::YamlMap by_type(file, defaults, "resource_type_default_usage");
        for (const auto& entry : by_type.entries()) {
            const std::string type = entry.first.Scalar();
            usage.m_by_type[type] = read_values(file, by_type.get(type), type, type);
        }
    }
    if (const YAML::Node resources = top.get("resource_usage");
        resources.IsDefined() && !resources.IsNull()) {
        util::YamlMap by_address(file, resources, "resource_usage");
        for (const auto& entry : by_address.entries()) {
            const std::string address = entry.first.Scalar();
            const std::string type = type_of_address(address);
            if (type.empty() || type.find('*') != std::string::npos)
                by_address.fail(entry.first,
                                "\"" + address + "\" must end in TYPE.NAME with a literal type");
            usage.m_by_address.push_back({address,
                                          read_values(file, by_address.get(address), type, address),
                                          util::yaml_location(file, entry.first)});
        }
    }
    top.finish();
    return usage;
}

Usage Usage::load_file(const std::string& path) {
    const util::InputText input = util::read_input(path);
    return parse(input.name, input.text);
}

std::vector<std::string> Usage::unmatched_addresses(const std::vector<Resource>& resources) const {
    std::vector<std::string> messages;
    for (const AddressUsage& entry : m_by_address) {
        const bool matched =
            std::any_of(resources.begin(), resources.end(), [&](const Resource& r) {
                return r.address == entry.pattern || util::glob_match(entry.pattern, r.address);
            });
        if (!matched)
            messages.push_back(entry.where.to_string() + ": resource_usage \"" + entry.pattern +
                               "\" matches no resource of this run: its usage is not used");
    }
    return messages;
}

std::optional<double> Usage::value(std::string_view address, std::string_view type,
                                   std::string_view key) const {
    for (const auto& [pattern, values, where] : m_by_address) {
        if (pattern != address)
            continue;
        if (const auto found = values.find(key); found != values.end())
            return found->second;
    }
    for (const auto& [pattern, values, where] : m_by_address) {
        if (!util::glob_match(pattern, address))
            continue;
        if (const auto found = values.find(key); found != values.end())
            return found->second;
    }
    if (const auto defaults = m_by_type.find(type); defaults != m_by_type.end())
        if (const auto found = defaults->second.find(key); found != defaults->second.end())
            return found->second;
    return std::nullopt;
}

} // namespace costgate::pricing
