#pragma once

#include "costgate/model/estimate.hpp"
#include "costgate/model/resource.hpp"

#include <optional>
#include <vector>

namespace costgate::policy {

/// Whether the resource's after state asks for spot or preemptible capacity: for a cloud
/// type, one of its resource_types.yaml `spot_when` attributes holds; for a Kubernetes
/// workload, its pod template selects spot nodes by a well-known node label. nullopt when
/// the type has no such choice (a database, an endpoint) or there is no after state.
std::optional<bool> runs_on_spot(const Resource& resource);

/// The resource's priced instance, node or VM components: those billed by the hour whose
/// catalog product (`aws/ec2/p3.2xlarge/us-east-1`, `gcp/compute_engine/n1-standard-8/...`)
/// is one of its instance types.
std::vector<const CostComponent*> machine_components(const PricedResource& priced);

/// GPU-hours a month of a resource's after state, as the estimate prices it: GPUs per
/// machine x the machine-hours of its priced instance, node or VM components (those whose
/// catalog product is its instance type) for cloud resources; GPUs per pod x replicas x 730
/// for long-running Kubernetes workloads (spec.replicas, or the minimum of the HPA among
/// `autoscalers` scaling it, its maximum when `at_max`). 0 without GPUs; nullopt when it
/// uses GPUs but the hours are not known: machines not priced, or a pod count that depends
/// on usage (Jobs, CronJobs, DaemonSets).
std::optional<double> gpu_hours_per_month(const PricedResource& priced,
                                          const std::vector<const Resource*>& autoscalers,
                                          bool at_max);

} // namespace costgate::policy
