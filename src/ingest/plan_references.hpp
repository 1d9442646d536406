#pragma once

#include "costgate/model/json_tree.hpp"
#include "costgate/model/resource.hpp"

#include <map>
#include <string>
#include <vector>

namespace costgate::ingest {

/// Which resources of a plan each resource's attributes refer to, read from the
/// `references` of its `configuration` expressions. A plan knows an autoscaling group's
/// launch template only this way when both are created together: the id the group will
/// hold is known after apply, the expression `aws_launch_template.web.id` before.
class PlanReferences {
  public:
    /// `plan` is the plan's top level (it must outlive this); a plan without
    /// `configuration` has no references.
    explicit PlanReferences(JsonValue plan);

    /// Sets Resource::references of each Terraform resource of `resources`, naming only
    /// resources of that list. A reference is resolved in the referring resource's module
    /// instance; one without an instance key names the only instance there is, or the one
    /// with the referring resource's own key (`count.index`, `each.key`), else nothing.
    void resolve(std::vector<Resource>& resources) const;

    /// A reference to a managed resource: `aws_launch_template.web[0].id` → type.name
    /// `aws_launch_template.web`, key `[0]` (empty when the reference has none).
    struct ResourceReference {
        std::string type_and_name;
        std::string key;
    };

  private:
    void index_module(JsonValue module, const std::string& prefix);

    /// Configuration address (module path without instance keys, then `type.name`) → each
    /// top-level attribute whose expression refers to managed resources, with those
    /// references. Resources that refer only to variables, locals or data sources (most of
    /// them) have no entry.
    std::map<std::string, std::vector<std::pair<std::string, std::vector<ResourceReference>>>>
        m_references;
};

} // namespace costgate::ingest
