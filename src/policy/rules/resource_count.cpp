#include "attribute_paths.hpp"
#include "costgate/pricing/resource_type.hpp"
#include "rule_kinds.hpp"

#include <algorithm>

namespace costgate::policy {

namespace {

/// The largest of the node counts the resource's type keeps (the scaling ceiling when
/// autoscaling is on): what `max_nodes` caps.
std::optional<double> node_count(const Resource& resource) {
    const pricing::ResourceType* described = pricing::find_resource_type(resource.type);
    if (!resource.after || !described || described->node_count_attributes.empty())
        return std::nullopt;
    const std::vector<std::string_view> paths(described->node_count_attributes.begin(),
                                              described->node_count_attributes.end());
    return largest_number_at(*resource.after, paths);
}

bool exists_after(const Resource& resource) {
    return resource.action != Action::remove && resource.action != Action::read;
}

bool existed_before(const Resource& resource) {
    return resource.action != Action::create && resource.action != Action::read;
}

/// Caps how many selected resources exist after the change (`max`), and how many nodes
/// each selected node group, scale set or autoscaling group may run (`max_nodes`). A
/// count already over the cap before the change is existing debt: only a change that
/// raises it is reported.
class ResourceCount final : public Rule {
  public:
    std::optional<long> max;
    std::optional<long> max_nodes;

    void evaluate(const EvaluationInput& input, std::vector<Finding>& findings) const override {
        if (max)
            check_count(input, findings);
        if (max_nodes)
            check_nodes(input, findings);
    }

  private:
    void check_count(const EvaluationInput& input, std::vector<Finding>& findings) const {
        long before = 0;
        long after = 0;
        std::vector<std::string> added;
        for (const PricedResource& priced : input.estimate.resources) {
            const Resource& resource = priced.resource;
            if (!match.selects(resource))
                continue;
            before += existed_before(resource) ? 1 : 0;
            after += exists_after(resource) ? 1 : 0;
            if (resource.action == Action::create)
                added.push_back(resource.address);
        }
        if (after <= *max || after <= before)
            return;
        std::string names;
        for (std::size_t i = 0; i < added.size() && i < 5; ++i)
            names += (i ? ", " : "") + added[i];
        if (added.size() > 5)
            names += " and " + std::to_string(added.size() - 5) + " more";
        findings.push_back(finding(nullptr,
                                   std::to_string(after) + " resources selected by rule " + id +
                                       " exist after the change (" + std::to_string(before) +
                                       " before), over the limit of " + std::to_string(*max) +
                                       (names.empty() ? "" : "; added: " + names),
                                   {{"count", std::to_string(after)},
                                    {"count_before", std::to_string(before)},
                                    {"limit", std::to_string(*max)},
                                    {"nodes", ""}}));
    }

    void check_nodes(const EvaluationInput& input, std::vector<Finding>& findings) const {
        for (const PricedResource& priced : input.estimate.resources) {
            const Resource& resource = priced.resource;
            if (!match.matches(resource) || !exists_after(resource))
                continue;
            const std::optional<double> nodes = node_count(resource);
            if (!nodes || *nodes <= static_cast<double>(*max_nodes))
                continue;
            const std::string count = std::to_string(static_cast<long long>(*nodes));
            findings.push_back(finding(&priced,
                                       resource.address + " may run " + count +
                                           " nodes, over the limit of " +
                                           std::to_string(*max_nodes),
                                       {{"count", ""},
                                        {"count_before", ""},
                                        {"limit", std::to_string(*max_nodes)},
                                        {"nodes", count}}));
        }
    }
};

} // namespace

std::unique_ptr<Rule> parse_resource_count(util::YamlMap& map) {
    auto rule = std::make_unique<ResourceCount>();
    rule->max = map.optional_integer("max", 0, 1'000'000'000);
    rule->max_nodes = map.optional_integer("max_nodes", 0, 1'000'000'000);
    if (!rule->max && !rule->max_nodes)
        map.fail("resource_count needs \"max\" or \"max_nodes\"");
    return rule;
}

} // namespace costgate::policy
