#pragma once

#include "costgate/pricing/pricer.hpp"

/// Pricers for the AWS provider's resource types; each family is one file in this folder
/// and each type one line in src/pricing/registry.cpp.
namespace costgate::pricing::aws {

/// What a note says of spot capacity, which AWS prices by the hour in a market the catalog
/// does not hold: the on-demand price is its ceiling (spot never costs more).
inline constexpr std::string_view k_spot_at_on_demand_note =
    "spot capacity priced at the on-demand rate, an upper bound: the catalog has no AWS spot "
    "prices";

/// aws_instance: on-demand Linux instance hours, root and EBS block devices.
StateCost price_instance(const Attributes& attributes, const PricingContext& context);
/// aws_cloudwatch_metric_alarm: one fee per metric evaluated, standard or high resolution.
StateCost price_cloudwatch_metric_alarm(const Attributes& attributes,
                                        const PricingContext& context);
/// aws_ebs_volume: storage, provisioned IOPS and throughput by volume type.
StateCost price_ebs_volume(const Attributes& attributes, const PricingContext& context);
/// aws_db_instance: instance hours by class and engine (Multi-AZ doubled), storage, backups.
StateCost price_db_instance(const Attributes& attributes, const PricingContext& context);
/// aws_rds_cluster_instance: Aurora Serverless v2 capacity (usage); provisioned Aurora unpriced.
StateCost price_rds_cluster_instance(const Attributes& attributes, const PricingContext& context);
/// aws_eip: the public IPv4 address charge.
StateCost price_eip(const Attributes& attributes, const PricingContext& context);
/// aws_lb and aws_alb: application or network load balancer hours and LCUs (usage).
StateCost price_load_balancer(const Attributes& attributes, const PricingContext& context);
/// aws_eks_cluster: the cluster fee.
StateCost price_eks_cluster(const Attributes& attributes, const PricingContext& context);
/// aws_eks_node_group: desired nodes × instance type hours, and their disks.
StateCost price_eks_node_group(const Attributes& attributes, const PricingContext& context);
/// aws_autoscaling_group: desired capacity × the launch template's instance type.
StateCost price_autoscaling_group(const Attributes& attributes, const PricingContext& context);
/// aws_elasticache_cluster: node hours by node type and engine.
StateCost price_elasticache_cluster(const Attributes& attributes, const PricingContext& context);
/// aws_elasticache_replication_group: node hours for every primary and replica.
StateCost price_elasticache_replication_group(const Attributes& attributes,
                                              const PricingContext& context);
/// aws_lambda_function: requests and duration (usage).
StateCost price_lambda_function(const Attributes& attributes, const PricingContext& context);
/// aws_s3_bucket: storage by class (usage).
StateCost price_s3_bucket(const Attributes& attributes, const PricingContext& context);
/// aws_ecs_service on Fargate: desired tasks × the task definition's vCPU and memory.
StateCost price_ecs_service(const Attributes& attributes, const PricingContext& context);
/// aws_bedrock_provisioned_model_throughput: model units × the model's hourly price for
/// the commitment term.
StateCost price_bedrock_provisioned_model_throughput(const Attributes& attributes,
                                                     const PricingContext& context);
/// aws_sagemaker_endpoint: its endpoint configuration's production variants, instance
/// count × ML instance hours.
StateCost price_sagemaker_endpoint(const Attributes& attributes, const PricingContext& context);

} // namespace costgate::pricing::aws
