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

/// The cloud whose bill a resource is on: decided once, at ingest, from its provider.
/// `other` is any provider costgate does not price (another cloud, or one that is on no
/// cloud bill at all).
enum class Cloud { aws, gcp, azure, kubernetes, other };

/// `aws`, `gcp`, `azure`, `k8s` (the catalog's provider names), `other`.
std::string_view to_string(Cloud cloud);

/// The cloud of a Terraform provider's short name: `aws` → aws; `google`, `google-beta` →
/// gcp; `azurerm` → azure; `kubernetes` → kubernetes; anything else → other.
Cloud cloud_of_provider(std::string_view provider);

/// One resource in the change, as every later stage sees it. Ingest fills it in;
/// nothing downstream knows which file format it came from.
struct Resource {
    /// Terraform address (`module.app.aws_instance.web["a"]`) or `namespace/Kind/name`.
    std::string address;
    /// `aws_instance`, `Deployment`, ...
    std::string type;
    /// Provider short name: `aws`, `google`, `azurerm`, `kubernetes`, ...
    std::string provider;
    /// The cloud of `provider`.
    Cloud cloud = Cloud::other;
    /// Kubernetes objects only (the kind is `type`): the namespace (`default` when the
    /// manifest names none) and `metadata.name`. Empty for Terraform resources.
    std::string k8s_namespace;
    std::string k8s_name;
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
    /// Terraform resources: for each top-level attribute whose configuration expression
    /// refers to other resources of the plan, their addresses, sorted (an autoscaling
    /// group's `launch_template` → `aws_launch_template.web`). Known before apply, when the
    /// ids those attributes will hold are not.
    std::map<std::string, std::vector<std::string>> references;
    /// Tags or labels of the state that will exist (before, for deletes).
    std::map<std::string, std::string> tags;
    /// Cloud region, or empty when it could not be determined.
    std::string region;
    /// The project of a multi-project run (costgate.yml); empty for single runs.
    std::string project;
    /// Facts ingest wants the user to see (e.g. "region taken from provider aws.east").
    std::vector<std::string> notes;
};

/// A Kubernetes object's resource: address `namespace/Kind/name`, provider `kubernetes`,
/// source and cloud kubernetes, action create. The one place that writes that address.
Resource kubernetes_resource(std::string kind, std::string k8s_namespace, std::string name);

/// The namespace and name of a Kubernetes address written by kubernetes_resource (for
/// addresses read back from a report), or nullopt when `address` is not of that shape.
struct KubernetesAddress {
    std::string k8s_namespace;
    std::string kind;
    std::string name;
};
std::optional<KubernetesAddress> parse_kubernetes_address(std::string_view address);

/// The module path of a Terraform resource (`module.app.module.db` of
/// `module.app.module.db.aws_db_instance.main`), or empty for the root module and for
/// Kubernetes objects.
std::string resource_module(const Resource& resource);

} // namespace costgate
