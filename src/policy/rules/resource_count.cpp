#include "attribute_paths.hpp"
#include "rule_kinds.hpp"

#include <algorithm>
#include <array>

namespace costgate::policy {

namespace {

/// Where each node group type keeps its node counts; the largest of them (the scaling
/// ceiling when autoscaling is on) is what `max_nodes` caps.
struct NodeCountPaths {
    std::string_view type;
    std::array<std::string_view, 4> paths;
};

constexpr std::array<NodeCountPaths, 8> k_node_counts = {{
    {"aws_autoscaling_group", {"max_size", "desired_capacity", "min_size", ""}},
    {"aws_eks_node_group",
     {"scaling_config.max_size", "scaling_config.desired_size", "scaling_config.min_size", ""}},
    {"azurerm_kubernetes_cluster",
     {"default_node_pool.node_count", "default_node_pool.max_count", "", ""}},
    {"azurerm_kubernetes_cluster_node_pool", {"node_count", "max_count", "", ""}},
    {"azurerm_linux_virtual_machine_scale_set", {"instances", "", "", ""}},
    {"azurerm_windows_virtual_machine_scale_set", {"instances", "", "", ""}},
    {"google_container_cluster", {"initial_node_count", "", "", ""}},
    {"google_container_node_pool",
     {"node_count", "initial_node_count", "autoscaling.max_node_count",
      "autoscaling.total_max_node_count"}},
}};

std::optional<double> node_count(const Resource& resource) {
    if (!resource.after)
        return std::nullopt;
    for (const NodeCountPaths& entry : k_node_counts)
        if (entry.type == resource.type) {
            std::vector<std::string_view> paths;
            for (const std::string_view path : entry.paths)
                if (!path.empty())
                    paths.push_back(path);
            return largest_number_at(*resource.after, paths);
        }
    return std::nullopt;
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
