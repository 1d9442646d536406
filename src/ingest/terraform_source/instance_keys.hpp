#pragma once

#include "evaluator.hpp"

#include <optional>
#include <string>
#include <vector>

namespace costgate::ingest {

/// One instance of a resource or module call: `count.index`, or `each.key` and
/// `each.value`, or neither.
struct InstanceKey {
    enum class Kind { single, count, for_each, unknown };
    Kind kind = Kind::single;
    std::size_t index = 0;
    std::string key;
    Value each_value;

    /// What Terraform appends to the address: ``, `[0]` or `["key"]` (quoted as HCL
    /// quotes a string).
    std::string address_suffix() const;
};

/// The instances `count` or `for_each` of `body` make, evaluated with `evaluator`; nullopt
/// when they depend on values that are only known after apply. Wrong types (a negative
/// count, a list for for_each) throw InputError at the argument.
std::optional<std::vector<InstanceKey>> expand_instances(const HclBody& body, Evaluator& evaluator);

} // namespace costgate::ingest
