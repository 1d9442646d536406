#pragma once

#include "costgate/pricing/pricer.hpp"

/// Pricers for the AWS provider's resource types; each is one file in this folder.
namespace costgate::aws {

/// aws_instance: on-demand Linux instance hours, root and EBS block devices.
StateCost price_instance(const Attributes& attributes, const PricingContext& context);

/// aws_ebs_volume: storage, provisioned IOPS and throughput by volume type.
StateCost price_ebs_volume(const Attributes& attributes, const PricingContext& context);

} // namespace costgate::aws
