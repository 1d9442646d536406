#pragma once

#include "costgate/pricing/pricer.hpp"

/// Pricers for the azurerm provider's resource types; each family is one file in this
/// folder and each type one line in src/pricing/registry.cpp.
namespace costgate::pricing::azure {

/// azurerm_linux_virtual_machine: VM size hours (Linux pay-as-you-go) and the OS disk.
StateCost price_linux_virtual_machine(const Attributes& attributes, const PricingContext& context);
/// azurerm_windows_virtual_machine: VM size hours (Windows pay-as-you-go, or the Linux rate
/// under Azure Hybrid Benefit) and the OS disk.
StateCost price_windows_virtual_machine(const Attributes& attributes,
                                        const PricingContext& context);
/// azurerm_virtual_machine (the legacy resource): VM size hours, Windows when it has
/// os_profile_windows_config, and the OS disk.
StateCost price_virtual_machine(const Attributes& attributes, const PricingContext& context);
/// azurerm_linux_virtual_machine_scale_set: instances × VM size hours and OS disks.
StateCost price_linux_virtual_machine_scale_set(const Attributes& attributes,
                                                const PricingContext& context);
/// azurerm_windows_virtual_machine_scale_set: instances × Windows VM size hours and OS disks.
StateCost price_windows_virtual_machine_scale_set(const Attributes& attributes,
                                                  const PricingContext& context);
/// azurerm_virtual_machine_scale_set (the legacy resource): sku.capacity × VM size hours
/// (Windows when it has os_profile_windows_config) and their OS disks.
StateCost price_virtual_machine_scale_set(const Attributes& attributes,
                                          const PricingContext& context);
/// azurerm_managed_disk: the disk's tier (size rounded up to the tier) per month.
StateCost price_managed_disk(const Attributes& attributes, const PricingContext& context);
/// azurerm_kubernetes_cluster: the default node pool's VMs (the Free tier has no cluster fee).
StateCost price_kubernetes_cluster(const Attributes& attributes, const PricingContext& context);
/// azurerm_kubernetes_cluster_node_pool: nodes × VM size hours (Windows when os_type says so).
StateCost price_kubernetes_cluster_node_pool(const Attributes& attributes,
                                             const PricingContext& context);
/// azurerm_public_ip: a static Standard public IPv4 address.
StateCost price_public_ip(const Attributes& attributes, const PricingContext& context);
/// azurerm_cognitive_deployment (Azure OpenAI): tokens from the usage file at the model's
/// price for the deployment type, or provisioned throughput units × PTU hours.
StateCost price_cognitive_deployment(const Attributes& attributes, const PricingContext& context);

} // namespace costgate::pricing::azure
