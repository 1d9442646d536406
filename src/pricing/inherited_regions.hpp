#pragma once

#include "costgate/model/resource.hpp"

#include <vector>

namespace costgate::pricing {

/// Gives a resource without a region of its own the region of the resource it belongs to,
/// where its type says which attribute refers to that one (`region_from`: an Azure SQL
/// database is in its server's region), with a note naming the source. Chains resolve (a
/// rule's load balancer may itself take its region from elsewhere).
void inherit_regions(std::vector<Resource>& resources);

} // namespace costgate::pricing
