#pragma once

#include "costgate/pricing/pricer.hpp"

#include <optional>
#include <string>

namespace costgate::pricing::aws {

/// An EBS volume as a pricer sees it, whether standalone or an instance's block device.
struct EbsVolume {
    std::string type;
    double size_gb = 0.0;
    std::optional<double> iops;
    std::optional<double> throughput_mbps;
};

/// Adds the components of one EBS volume, each name prefixed with `label` (`root_block_device: `).
void add_ebs_components(StateCost& cost, const EbsVolume& volume, const std::string& label,
                        const PricingContext& context);

} // namespace costgate::pricing::aws
