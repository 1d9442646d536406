#pragma once

#include "costgate/model/unit_cost.hpp"

#include <string>

/// How the text renderers show a cost per 1,000 units.
namespace costgate::report::text {

/// The cost per 1,000 units after the change, every millionth shown: `$0.61725`,
/// `at least $8.06904` when the monthly amount leaves unpriced parts out, `unpriced` when
/// nothing of it is priced.
std::string unit_cost_after(const UnitCost& cost, const std::string& currency);

/// `$0.50 → $0.61725` when the cost per 1,000 units before the change is known and
/// differs; else as unit_cost_after.
std::string unit_cost_change(const UnitCost& cost, const std::string& currency);

} // namespace costgate::report::text
