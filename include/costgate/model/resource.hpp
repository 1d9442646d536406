#pragma once

#include "costgate/model/json_tree.hpp"

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace costgate {

/// What the change does to a resource (Terraform's plan actions; Kubernetes inputs
/// use create, update, delete and no-op).
enum class Action { create, update, remove, replace, no_op, read };

/// Where a resource came from.
enum class Source { terraform, kubernetes };

/// `create`, `update`, `delete`, `replace`, `no-op`, `read`.
std::string_view to_string(Action action);
/// `terraform`, `kubernetes`.
std::string_view to_string(Source source);

/// One resource in the change, as every later stage sees it. Ingest fills it in;
/// nothing downstream knows which file format it came from.
struct Resource {
    /// Terraform address (`module.app.aws_instance.web["a"]`) or `namespace/Kind/name`.
    std::string address;
    /// `aws_instance`, `Deployment`, ...
    std::string type;
    /// Provider short name: `aws`, `google`, `azurerm`, `kubernetes`, ...
    std::string provider;
    Source source = Source::terraform;
    std::string file;
    /// 1-based line of the declaration; 0 when unknown.
    int line = 0;
    /// The `.tf` file and line of a Terraform resource's `resource` block, when found
    /// (--tf-dir); findings point there rather than at the plan.
    std::string declared_file;
    int declared_line = 0;
    Action action = Action::create;
    /// Attribute trees; absent for the side that does not exist (create/delete).
    std::optional<JsonTree> before;
    std::optional<JsonTree> after;
    /// Terraform's `after_unknown`, reduced to the paths that are unknown: the same shape
    /// as `after`, `true` where the value is only known after apply.
    JsonTree after_unknown;
    /// Tags or labels of the state that will exist (before, for deletes).
    std::map<std::string, std::string> tags;
    /// Cloud region, or empty when it could not be determined.
    std::string region;
    /// The project of a multi-project run (costgate.yml); empty for single runs.
    std::string project;
    /// Facts ingest wants the user to see (e.g. "region taken from provider aws.east").
    std::vector<std::string> notes;
};

/// The Kubernetes namespace of a resource (`team-a` of `team-a/Deployment/api`), or empty
/// for Terraform resources.
std::string resource_namespace(const Resource& resource);

/// The module path of a Terraform resource (`module.app.module.db` of
/// `module.app.module.db.aws_db_instance.main`), or empty for the root module and for
/// Kubernetes objects.
std::string resource_module(const Resource& resource);

} // namespace costgate
