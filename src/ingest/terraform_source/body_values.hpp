#pragma once

#include "evaluator.hpp"

namespace costgate::ingest {

/// The attributes a resource's body sets, as the object a plan's `after` holds: each
/// attribute's value, and each nested block type as a list of objects (one per block,
/// `dynamic` blocks expanded in place). Meta-arguments (count, for_each, provider,
/// depends_on) and meta blocks (lifecycle, provisioner, connection) are left out. A
/// `dynamic` block whose for_each is not known makes its block type unknown.
Value evaluate_resource_body(const HclBody& body, Evaluator& evaluator);

} // namespace costgate::ingest
