#pragma once

#include "costgate/pricing/pricer.hpp"

/// Pricers for the Google provider's resource types; each family is one file in this
/// folder and each type one line in src/pricing/registry.cpp.
namespace costgate::pricing::gcp {

/// google_compute_instance: predefined or custom machine type hours, boot and scratch disks.
StateCost price_compute_instance(const Attributes& attributes, const PricingContext& context);
/// google_compute_disk: persistent disk storage by type.
StateCost price_compute_disk(const Attributes& attributes, const PricingContext& context);
/// google_container_cluster: the cluster management fee (Standard or Autopilot) and the
/// default node pool when it is kept.
StateCost price_container_cluster(const Attributes& attributes, const PricingContext& context);
/// google_container_node_pool: nodes × machine type hours and their boot disks.
StateCost price_container_node_pool(const Attributes& attributes, const PricingContext& context);
/// google_compute_instance_group_manager and its regional twin: target_size instances (else
/// its autoscaler's min_replicas) of the instance template its version names, with the
/// template's disks.
StateCost price_instance_group_manager(const Attributes& attributes, const PricingContext& context);
/// google_redis_instance: capacity GB-hours at the rate of its tier and capacity band.
StateCost price_redis_instance(const Attributes& attributes, const PricingContext& context);
/// google_redis_cluster: shard_count x (1 + replica_count) nodes of its node type.
StateCost price_redis_cluster(const Attributes& attributes, const PricingContext& context);
/// google_sql_database_instance: Enterprise edition vCPU and memory hours (or a shared-core
/// tier), zonal or regional, SSD or HDD storage, SQL Server license and backups (usage).
StateCost price_sql_database_instance(const Attributes& attributes, const PricingContext& context);

} // namespace costgate::pricing::gcp
