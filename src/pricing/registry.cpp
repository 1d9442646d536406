#include "aws/pricers.hpp"
#include "azure/pricers.hpp"
#include "costgate/pricing/resource_type.hpp"
#include "gcp/pricers.hpp"
#include "k8s/pricers.hpp"

#include <algorithm>
#include <iterator>

namespace costgate::pricing {

namespace {

struct NamedPricer {
    std::string_view name;
    PriceFunction price;
};

// The C++ pricers by the name resource_types.yaml gives them (`<provider>_<family>`), one
// line each, sorted by name. Which types use them, with their usage keys, lives there.
constexpr NamedPricer k_pricers[] = {
    {"aws_autoscaling_group", &aws::price_autoscaling_group},
    {"aws_bedrock_provisioned_model_throughput", &aws::price_bedrock_provisioned_model_throughput},
    {"aws_cloudwatch_metric_alarm", &aws::price_cloudwatch_metric_alarm},
    {"aws_db_instance", &aws::price_db_instance},
    {"aws_ebs_volume", &aws::price_ebs_volume},
    {"aws_ecs_service", &aws::price_ecs_service},
    {"aws_eip", &aws::price_eip},
    {"aws_eks_cluster", &aws::price_eks_cluster},
    {"aws_eks_node_group", &aws::price_eks_node_group},
    {"aws_elasticache_cluster", &aws::price_elasticache_cluster},
    {"aws_elasticache_replication_group", &aws::price_elasticache_replication_group},
    {"aws_instance", &aws::price_instance},
    {"aws_lambda_function", &aws::price_lambda_function},
    {"aws_load_balancer", &aws::price_load_balancer},
    {"aws_rds_cluster_instance", &aws::price_rds_cluster_instance},
    {"aws_s3_bucket", &aws::price_s3_bucket},
    {"aws_sagemaker_endpoint", &aws::price_sagemaker_endpoint},
    {"azure_cognitive_deployment", &azure::price_cognitive_deployment},
    {"azure_kubernetes_cluster", &azure::price_kubernetes_cluster},
    {"azure_kubernetes_cluster_node_pool", &azure::price_kubernetes_cluster_node_pool},
    {"azure_linux_virtual_machine", &azure::price_linux_virtual_machine},
    {"azure_linux_virtual_machine_scale_set", &azure::price_linux_virtual_machine_scale_set},
    {"azure_managed_disk", &azure::price_managed_disk},
    {"azure_public_ip", &azure::price_public_ip},
    {"azure_virtual_machine", &azure::price_virtual_machine},
    {"azure_virtual_machine_scale_set", &azure::price_virtual_machine_scale_set},
    {"azure_windows_virtual_machine", &azure::price_windows_virtual_machine},
    {"azure_windows_virtual_machine_scale_set", &azure::price_windows_virtual_machine_scale_set},
    {"gcp_compute_disk", &gcp::price_compute_disk},
    {"gcp_compute_instance", &gcp::price_compute_instance},
    {"gcp_container_cluster", &gcp::price_container_cluster},
    {"gcp_container_node_pool", &gcp::price_container_node_pool},
    {"gcp_instance_group_manager", &gcp::price_instance_group_manager},
    {"gcp_redis_cluster", &gcp::price_redis_cluster},
    {"gcp_redis_instance", &gcp::price_redis_instance},
    {"gcp_sql_database_instance", &gcp::price_sql_database_instance},
    {"k8s_service", &k8s::price_service},
    {"k8s_volume_claim", &k8s::price_volume_claim},
    {"k8s_workload", &k8s::price_workload},
};

static_assert(std::is_sorted(std::begin(k_pricers), std::end(k_pricers),
                             [](const NamedPricer& a, const NamedPricer& b) {
                                 return a.name < b.name;
                             }),
              "k_pricers must stay sorted by name: find_pricer_function() bisects it");

} // namespace

PriceFunction find_pricer_function(std::string_view name) {
    const auto found = std::lower_bound(
        std::begin(k_pricers), std::end(k_pricers), name,
        [](const NamedPricer& entry, std::string_view key) { return entry.name < key; });
    return found != std::end(k_pricers) && found->name == name ? found->price : nullptr;
}

} // namespace costgate::pricing
