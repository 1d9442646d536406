#pragma once

#include "costgate/model/resource.hpp"

#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace costgate::policy {

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

} // namespace costgate::policy
