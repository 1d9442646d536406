#pragma once

#include "costgate/model/error.hpp"
#include "costgate/policy/rule.hpp"
#include "costgate/util/date.hpp"

#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace costgate::policy {

/// An exception to a rule for resources matching a glob, for a stated reason, until a date.
struct Exemption {
    std::string rule;
    std::string resource;
    std::string reason;
    util::Date expires;
    std::string file;
    int line = 0;
    /// Where its `rule:` is, for the error when no file declares that rule.
    SourceLocation rule_location;
};

/// One or more policy files merged.
struct Policy {
    std::vector<std::unique_ptr<Rule>> rules;
    std::vector<Exemption> exemptions;
    /// `settings.cluster`: the Kubernetes cluster profile the policy's teams run on (the
    /// command line's --cluster wins); empty when no file sets it.
    std::string cluster_profile;
    /// Where cluster_profile was set, for conflict messages.
    SourceLocation cluster_profile_location;

    /// Appends another policy's rules and exemptions. Throws InputError naming both
    /// places when a rule id is declared twice or two files set different settings.
    void merge(Policy&& other);
    /// Throws InputError at the exemption when one names a rule no merged file declares
    /// (an exemption in a repo's file may name a rule of the org-wide file).
    void check_exemptions() const;
};

/// Parses and validates a policy document. Unknown keys, wrong types, bad values and
/// unknown rule kinds throw InputError with `name:line:column`. Exemptions are checked
/// against the rules once all files are merged (Policy::check_exemptions).
Policy parse_policy(std::string_view name, std::string_view yaml);

/// Reads and parses a policy file.
Policy load_policy_file(const std::string& path);

/// Reads, parses and merges policy files in order (duplicate rule ids are errors) and
/// checks their exemptions.
Policy load_policy_files(const std::vector<std::string>& paths);

} // namespace costgate::policy
