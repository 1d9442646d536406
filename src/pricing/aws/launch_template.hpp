#pragma once

#include "costgate/pricing/pricer.hpp"

#include <optional>
#include <string>

namespace costgate::pricing::aws {

/// What a launch template or launch configuration says of the instances it launches.
struct LaunchSpec {
    /// Empty when it sets none.
    std::string instance_type;
    /// It asks for spot capacity: a template's `instance_market_options` with market_type
    /// spot, a configuration's `spot_price`.
    bool spot = false;
};

/// The launch template an autoscaling group or EKS node group uses (its `launch_template`
/// block), or the launch configuration a group names: found in the same run by the name
/// or id the plan knows, else through the reference of the group's configuration (a
/// template created with the group has neither before apply). Nullopt when it is not in
/// the run.
std::optional<LaunchSpec> launch_spec(const Attributes& group, const PricingContext& context);

} // namespace costgate::pricing::aws
