#pragma once

#include "costgate/pricing/pricer.hpp"

#include <string>

namespace costgate::pricing::azure {

/// Adds `count` managed disks of `size_gb` and `storage_account_type` (Standard_LRS,
/// StandardSSD_LRS, Premium_LRS): Azure bills the smallest tier (S4, E10, P30, ...) the
/// size fits in, per disk-month.
void add_managed_disks(StateCost& cost, const std::string& storage_account_type, double size_gb,
                       double count, const std::string& label, const PricingContext& context);

} // namespace costgate::pricing::azure
