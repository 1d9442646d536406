#pragma once

#include "costgate/pricing/pricer.hpp"

#include <string>

namespace costgate::pricing::aws {

/// Adds RDS Extended Support to `cost` when the instance's engine version is past its end
/// of standard support (src/pricing/types/rds_extended_support.yaml): its vCPUs (twice for
/// Multi-AZ, whose standby is billed too) x 730 hours at the year-1 rate. Nothing for a
/// version in standard support or an engine version the plan does not give.
void add_extended_support(StateCost& cost, const Attributes& attributes, const std::string& engine,
                          const std::string& instance_class, bool multi_az,
                          const PricingContext& context);

} // namespace costgate::pricing::aws
