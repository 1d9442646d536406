#pragma once

#include "costgate/pricing/pricer.hpp"

#include <optional>
#include <string>

namespace costgate::pricing::aws {

/// The instance type of the launch template an autoscaling group or EKS node group uses
/// (its `launch_template` block), or of the launch configuration a group names: found in
/// the same run by the name or id the plan knows, else through the reference of the group's
/// configuration (a template created with the group has neither before apply). Empty when
/// the template sets no instance type; nullopt when the template is not in the run.
std::optional<std::string> launch_instance_type(const Attributes& group,
                                                const PricingContext& context);

} // namespace costgate::pricing::aws
