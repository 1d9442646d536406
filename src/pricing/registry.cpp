#include "aws/pricers.hpp"
#include "azure/pricers.hpp"
#include "costgate/pricing/pricer.hpp"
#include "gcp/pricers.hpp"
#include "k8s/pricers.hpp"

#include <algorithm>
#include <iterator>

namespace costgate::pricing {

namespace {

struct PricerEntry {
    std::string_view type;
    PriceFunction price;
    /// Usage-file keys the pricer reads, space-separated.
    std::string_view usage_keys;
};

// One line per priced resource type, sorted by type.
constexpr PricerEntry k_pricers[] = {
    {"CronJob", &k8s::price_workload, "run_duration_hours"},
    {"DaemonSet", &k8s::price_workload, "nodes"},
    {"Deployment", &k8s::price_workload, ""},
    {"Job", &k8s::price_workload, "run_duration_hours"},
    {"PersistentVolumeClaim", &k8s::price_volume_claim, ""},
    {"Pod", &k8s::price_workload, ""},
    {"ReplicaSet", &k8s::price_workload, ""},
    {"ReplicationController", &k8s::price_workload, ""},
    {"Service", &k8s::price_service, ""},
    {"StatefulSet", &k8s::price_workload, ""},
    {"aws_alb", &aws::price_load_balancer, "monthly_capacity_units"},
    {"aws_autoscaling_group", &aws::price_autoscaling_group, ""},
    {"aws_db_instance", &aws::price_db_instance, "additional_backup_storage_gb"},
    {"aws_ebs_volume", &aws::price_ebs_volume, "monthly_standard_io_requests"},
    {"aws_ecs_service", &aws::price_ecs_service, ""},
    {"aws_eip", &aws::price_eip, ""},
    {"aws_eks_cluster", &aws::price_eks_cluster, ""},
    {"aws_eks_node_group", &aws::price_eks_node_group, ""},
    {"aws_elasticache_cluster", &aws::price_elasticache_cluster, ""},
    {"aws_elasticache_replication_group", &aws::price_elasticache_replication_group, ""},
    {"aws_elb", &aws::price_classic_load_balancer, "monthly_data_processed_gb"},
    {"aws_instance", &aws::price_instance, "monthly_standard_io_requests"},
    {"aws_lambda_function", &aws::price_lambda_function, "monthly_requests request_duration_ms"},
    {"aws_lb", &aws::price_load_balancer, "monthly_capacity_units"},
    {"aws_nat_gateway", &aws::price_nat_gateway, "monthly_data_processed_gb"},
    {"aws_rds_cluster_instance", &aws::price_rds_cluster_instance, "average_acu"},
    {"aws_s3_bucket", &aws::price_s3_bucket,
     "standard_storage_gb standard_ia_storage_gb onezone_ia_storage_gb "
     "glacier_flexible_retrieval_storage_gb "
     "glacier_deep_archive_storage_gb"},
    {"azurerm_kubernetes_cluster", &azure::price_kubernetes_cluster, ""},
    {"azurerm_kubernetes_cluster_node_pool", &azure::price_kubernetes_cluster_node_pool, ""},
    {"azurerm_linux_virtual_machine", &azure::price_linux_virtual_machine, ""},
    {"azurerm_linux_virtual_machine_scale_set", &azure::price_linux_virtual_machine_scale_set, ""},
    {"azurerm_managed_disk", &azure::price_managed_disk, ""},
    {"azurerm_nat_gateway", &azure::price_nat_gateway, "monthly_data_processed_gb"},
    {"azurerm_public_ip", &azure::price_public_ip, ""},
    {"azurerm_virtual_machine", &azure::price_virtual_machine, ""},
    {"azurerm_windows_virtual_machine", &azure::price_windows_virtual_machine, ""},
    {"azurerm_windows_virtual_machine_scale_set", &azure::price_windows_virtual_machine_scale_set,
     ""},
    {"google_compute_address", &gcp::price_compute_address, ""},
    {"google_compute_disk", &gcp::price_compute_disk, ""},
    {"google_compute_instance", &gcp::price_compute_instance, ""},
    {"google_compute_router_nat", &gcp::price_router_nat, "monthly_data_processed_gb"},
    {"google_container_cluster", &gcp::price_container_cluster, ""},
    {"google_container_node_pool", &gcp::price_container_node_pool, ""},
    {"google_sql_database_instance", &gcp::price_sql_database_instance, "backup_storage_gb"},
};

static_assert(std::is_sorted(std::begin(k_pricers), std::end(k_pricers),
                             [](const PricerEntry& a, const PricerEntry& b) {
                                 return a.type < b.type;
                             }),
              "k_pricers must stay sorted by type: find_entry() searches it by bisection");

const PricerEntry* find_entry(std::string_view type) {
    const auto found = std::lower_bound(
        std::begin(k_pricers), std::end(k_pricers), type,
        [](const PricerEntry& entry, std::string_view key) { return entry.type < key; });
    return found != std::end(k_pricers) && found->type == type ? found : nullptr;
}

} // namespace

std::string_view catalog_provider(std::string_view terraform_provider) {
    if (terraform_provider == "google" || terraform_provider == "google-beta")
        return "gcp";
    if (terraform_provider == "azurerm")
        return "azure";
    if (terraform_provider == "kubernetes")
        return "k8s";
    return terraform_provider;
}

PriceFunction find_pricer(std::string_view type) {
    const PricerEntry* entry = find_entry(type);
    return entry ? entry->price : nullptr;
}

std::vector<std::string_view> pricer_usage_keys(std::string_view type) {
    std::vector<std::string_view> keys;
    const PricerEntry* entry = find_entry(type);
    std::string_view rest = entry ? entry->usage_keys : std::string_view();
    while (!rest.empty()) {
        const std::size_t space = rest.find(' ');
        keys.push_back(rest.substr(0, space));
        rest = space == std::string_view::npos ? std::string_view() : rest.substr(space + 1);
    }
    return keys;
}

} // namespace costgate::pricing
