#pragma once

#include "costgate/resource.hpp"

#include <map>
#include <set>
#include <string>
#include <vector>

namespace costgate {

/// True when `text` matches `pattern`, where `*` matches any run of characters and `?`
/// any one character; everything else (including `[` of Terraform indexes) is literal.
bool glob_match(std::string_view pattern, std::string_view text);

/// Which resources a rule applies to. Empty lists match everything.
struct Match {
    std::vector<std::string> types;
    std::vector<std::string> addresses;
    std::vector<Source> sources;
    /// Tag key → accepted values (`*` globs allowed); the resource must have every key.
    std::map<std::string, std::vector<std::string>> tags;
    /// By default only resources being created or changed are checked, so existing debt
    /// does not block unrelated changes.
    std::set<Action> actions{Action::create, Action::update, Action::replace};

    bool matches(const Resource& resource) const;
};

} // namespace costgate
