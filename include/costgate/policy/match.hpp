#pragma once

#include "costgate/resource.hpp"

#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace costgate {

/// True when `text` matches `pattern`, where `*` matches any run of characters and `?`
/// any one character; everything else (including `[` of Terraform indexes) is literal.
bool glob_match(std::string_view pattern, std::string_view text);

/// The Kubernetes namespace of a resource (`team-a` of `team-a/Deployment/api`), or empty
/// for Terraform resources.
std::string resource_namespace(const Resource& resource);

/// The module path of a Terraform resource (`module.app.module.db` of
/// `module.app.module.db.aws_db_instance.main`), or empty for the root module and for
/// Kubernetes objects.
std::string resource_module(const Resource& resource);

/// Which resources a rule applies to. Empty lists match everything.
struct Match {
    std::vector<std::string> types;
    std::vector<std::string> addresses;
    /// Globs on resource_module(); the root module is `root`.
    std::vector<std::string> modules;
    std::vector<Source> sources;
    /// Globs on resource_namespace(); only Kubernetes objects have one.
    std::vector<std::string> namespaces;
    /// When set, only resources that do (true) or do not (false) run on GPUs.
    std::optional<bool> gpu;
    /// Tag key → accepted values (`*` globs allowed); the resource must have every key.
    std::map<std::string, std::vector<std::string>> tags;
    /// By default only resources being created or changed are checked, so existing debt
    /// does not block unrelated changes.
    std::set<Action> actions{Action::create, Action::update, Action::replace};
    /// Resources this selection leaves out (its own `actions` are not used).
    std::shared_ptr<const Match> exclude;

    /// The action is one of `actions` and selects() holds.
    bool matches(const Resource& resource) const;
    /// Every criterion but the action (rules that count what exists use this).
    bool selects(const Resource& resource) const;
};

} // namespace costgate
