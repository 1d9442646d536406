#pragma once

#include "costgate/policy/date.hpp"
#include "costgate/policy/rule.hpp"

#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace costgate {

/// An exception to a rule for resources matching a glob, for a stated reason, until a date.
struct Exemption {
    std::string rule;
    std::string resource;
    std::string reason;
    Date expires;
    std::string file;
    int line = 0;
};

/// One or more policy files merged.
struct Policy {
    std::vector<std::unique_ptr<Rule>> rules;
    std::vector<Exemption> exemptions;

    /// Appends another policy's rules and exemptions. Throws InputError naming both
    /// places when a rule id is declared twice.
    void merge(Policy&& other);
};

/// Parses and validates a policy document. Unknown keys, wrong types, bad values,
/// unknown rule kinds and exemptions of undeclared rules throw InputError with
/// `name:line:column`.
Policy parse_policy(std::string_view name, std::string_view yaml);

/// Reads and parses a policy file.
Policy load_policy_file(const std::string& path);

} // namespace costgate
