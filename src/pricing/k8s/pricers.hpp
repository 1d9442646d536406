#pragma once

#include "costgate/pricing/pricer.hpp"

/// Pricers for Kubernetes objects, at the rates of the run's cluster profile; each family
/// is one file in this folder and each kind one line in src/pricing/registry.cpp.
namespace costgate::pricing::k8s {

/// Deployment, StatefulSet, ReplicaSet, ReplicationController, DaemonSet, Pod, Job and
/// CronJob: effective pod requests (CPU, memory, GPUs) × pods running in a month, plus a
/// StatefulSet's volume claim templates.
StateCost price_workload(const Attributes& attributes, const PricingContext& context);
/// PersistentVolumeClaim: requested storage.
StateCost price_volume_claim(const Attributes& attributes, const PricingContext& context);
/// Service: a LoadBalancer Service's cloud load balancer; other types cost nothing.
StateCost price_service(const Attributes& attributes, const PricingContext& context);

} // namespace costgate::pricing::k8s
