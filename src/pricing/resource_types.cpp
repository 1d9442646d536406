#include "costgate/model/error.hpp"
#include "costgate/pricing/resource_type.hpp"
#include "costgate/util/embedded_files.hpp"
#include "costgate/util/yaml_map.hpp"

#include <algorithm>

namespace costgate::pricing {

namespace {

constexpr std::string_view k_types_file = "src/pricing/types/resource_types.yaml";

void add_unique(std::vector<std::string>& list, const std::string& item) {
    if (std::find(list.begin(), list.end(), item) == list.end())
        list.push_back(item);
}

// `{ATTRIBUTE: [VALUE, ...]}` with one attribute; a single value is a one-element list.
std::pair<std::string, std::vector<std::string>>
read_condition(util::YamlMap& owner, const YAML::Node& node, const std::string& what) {
    if (!node.IsMap() || node.size() != 1)
        owner.fail(node, what + " must map one attribute to its values");
    const std::string attribute = node.begin()->first.Scalar();
    util::YamlMap condition(owner.file(), node, what);
    return {attribute, condition.string_list(attribute)};
}

// The mapping under `key` of a type's entry, each value a string (`defaults`,
// `value_suffixes`), in file order; empty when the key is absent.
std::vector<std::pair<std::string, std::string>> string_pairs(util::YamlMap& map, const char* key,
                                                              const std::string& type) {
    std::vector<std::pair<std::string, std::string>> pairs;
    const YAML::Node node = map.get(key);
    if (!node.IsDefined())
        return pairs;
    util::YamlMap values(map.file(), node, type + " " + key);
    for (const auto& item : node)
        pairs.emplace_back(item.first.Scalar(), values.required_string(item.first.Scalar()));
    values.finish();
    return pairs;
}

ComponentRule read_component(util::YamlMap& map, const std::string& type) {
    ComponentRule rule;
    rule.name = map.required_string("name");
    rule.unit = map.required_string("unit");
    const std::string price = map.required_string("price");
    const std::size_t slash = price.find('/');
    if (slash == std::string::npos || slash == 0 || slash + 1 == price.size())
        map.fail(map.get("price"),
                 type + ": price must be SERVICE/PRODUCT, found \"" + price + "\"");
    rule.service = price.substr(0, slash);
    rule.product = price.substr(slash + 1);
    rule.region = map.optional_string("region").value_or("");
    int sources = 0;
    for (const auto& [key, quantity] : {std::pair{"usage", ComponentRule::Quantity::usage},
                                        std::pair{"attribute", ComponentRule::Quantity::attribute},
                                        std::pair{"count", ComponentRule::Quantity::count}}) {
        if (const auto value = map.optional_string(key)) {
            rule.quantity = quantity;
            rule.key = *value;
            ++sources;
        }
    }
    if (sources > 1)
        map.fail(type + ": a component takes one of usage, attribute or count");
    rule.factor = map.optional_number("factor").value_or(1);
    if (!(rule.factor > 0))
        map.fail(map.get("factor"), type + ": factor must be positive");
    if (const YAML::Node when = map.get("when"); when.IsDefined())
        std::tie(rule.when_attribute, rule.when_values) = read_condition(map, when, "when");
    map.finish();
    return rule;
}

ResourceType read_type(util::YamlMap& map, const std::string& type) {
    ResourceType entry;
    entry.type = type;
    if (const auto pricer = map.optional_string("pricer")) {
        entry.pricer = find_pricer_function(*pricer);
        if (!entry.pricer)
            map.fail(map.get("pricer"), type + ": no pricer named \"" + *pricer + "\"");
    }
    if (const YAML::Node components = map.get("components"); components.IsDefined()) {
        if (entry.pricer)
            map.fail(components, type + ": a type has a pricer or components, not both");
        if (!components.IsSequence() || components.size() == 0)
            map.fail(components, type + ": components must be a non-empty list");
        for (const YAML::Node& node : components) {
            util::YamlMap component(map.file(), node, type + " component");
            entry.components.push_back(read_component(component, type));
        }
    }
    entry.usage_keys = map.string_list("usage");
    entry.size_attribute = map.optional_string("size").value_or("");
    entry.model_attribute = map.optional_string("model").value_or("");
    entry.node_count_attributes = map.string_list("node_counts");
    if (const YAML::Node spot = map.get("spot_when"); spot.IsDefined()) {
        if (!spot.IsMap() || spot.size() == 0)
            map.fail(spot, type + ": spot_when must map attributes to their values");
        util::YamlMap conditions(map.file(), spot, type + " spot_when");
        for (const auto& item : spot)
            entry.spot_conditions.emplace_back(item.first.Scalar(),
                                               conditions.string_list(item.first.Scalar()));
        conditions.finish();
    }
    entry.services = map.string_list("services");
    entry.notes = map.string_list("notes");
    for (auto& [attribute, value] : string_pairs(map, "defaults", type))
        entry.defaults[attribute] = std::move(value);
    if (const YAML::Node referenced = map.get("referenced"); referenced.IsDefined()) {
        util::YamlMap paths(map.file(), referenced, type + " referenced");
        for (const auto& item : referenced) {
            const std::string path = item.first.Scalar();
            util::YamlMap from(map.file(), paths.get(path), type + " referenced " + path);
            entry.referenced[path] = {from.required_string("through"), from.required_string("type"),
                                      from.required_string("attribute")};
            from.finish();
        }
        paths.finish();
    }
    entry.region_from = map.string_list("region_from");
    entry.value_suffixes = string_pairs(map, "value_suffixes", type);
    if (const YAML::Node free = map.get("free_when"); free.IsDefined())
        std::tie(entry.free_attribute, entry.free_values) = read_condition(map, free, "free_when");
    for (const ComponentRule& rule : entry.components) {
        if (rule.quantity == ComponentRule::Quantity::usage)
            add_unique(entry.usage_keys, rule.key);
        add_unique(entry.services, rule.service);
    }
    map.finish();
    return entry;
}

} // namespace

std::vector<ResourceType> parse_resource_types(std::string_view name, std::string_view yaml) {
    const std::string file(name);
    util::YamlMap top = util::load_versioned_document(file, yaml, "resource types");
    const YAML::Node types = top.get("types");
    util::YamlMap by_type(file, types, "types");
    std::vector<ResourceType> result;
    for (const auto& item : types) {
        const std::string type = item.first.Scalar();
        util::YamlMap map(file, by_type.get(type), type);
        result.push_back(read_type(map, type));
    }
    top.finish();
    std::sort(result.begin(), result.end(),
              [](const ResourceType& a, const ResourceType& b) { return a.type < b.type; });
    return result;
}

const std::vector<ResourceType>& resource_types() {
    static const std::vector<ResourceType> k_types =
        parse_resource_types(k_types_file, util::embedded_file(k_types_file));
    return k_types;
}

const ResourceType* find_resource_type(std::string_view type) {
    const std::vector<ResourceType>& types = resource_types();
    const auto found = std::lower_bound(
        types.begin(), types.end(), type,
        [](const ResourceType& entry, std::string_view key) { return entry.type < key; });
    return found != types.end() && found->type == type ? &*found : nullptr;
}

std::vector<std::string_view> pricer_usage_keys(std::string_view type) {
    const ResourceType* entry = find_resource_type(type);
    return entry ? std::vector<std::string_view>(entry->usage_keys.begin(), entry->usage_keys.end())
                 : std::vector<std::string_view>();
}

} // namespace costgate::pricing
