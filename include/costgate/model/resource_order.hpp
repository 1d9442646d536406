#pragma once

#include "costgate/model/resource.hpp"

#include <vector>

namespace costgate {

/// Puts `resources` in the order every report lists them: by address, then source, then
/// file; resources equal in all three keep their order (a stable sort). Giving the same
/// inputs in another order therefore gives byte-identical output.
void sort_resources(std::vector<Resource>& resources);

} // namespace costgate
