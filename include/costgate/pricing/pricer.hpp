#pragma once

#include "costgate/estimate.hpp"
#include "costgate/pricing/attributes.hpp"
#include "costgate/pricing/catalog.hpp"

#include <string>
#include <string_view>

namespace costgate {

/// What a pricer gets besides the attributes: the catalog and the resource's region.
/// Its helpers build components and record why something could not be priced.
class PricingContext {
  public:
    PricingContext(const Catalog& catalog, std::string provider, std::string region)
        : m_catalog(catalog), m_provider(std::move(provider)), m_region(std::move(region)) {}

    const std::string& region() const { return m_region; }

    /// Adds a component priced from the catalog row `service/product` in this region,
    /// or marks `cost` unpriced with a note naming the missing key.
    void add(StateCost& cost, std::string name, std::string unit, double monthly_quantity,
             std::string_view service, std::string_view product) const;
    /// Adds a usage-based component whose quantity is not known: unit price only.
    void add_usage_based(StateCost& cost, std::string name, std::string unit,
                         std::string_view service, std::string_view product) const;

  private:
    const PriceEntry* lookup(StateCost& cost, std::string_view service,
                             std::string_view product) const;

    const Catalog& m_catalog;
    std::string m_provider;
    std::string m_region;
};

/// Marks `cost` unpriced with a note saying which attribute was unknown.
void mark_unknown(StateCost& cost, std::string_view attribute);

/// Turns one state of a resource into cost components. One function per resource family
/// lives under src/pricing/<provider>/; src/pricing/registry.cpp maps types to them.
using PriceFunction = StateCost (*)(const Attributes& attributes, const PricingContext& context);

/// The catalog's name for a Terraform provider: `google` and `google-beta` → `gcp`,
/// `azurerm` → `azure`; other names unchanged.
std::string_view catalog_provider(std::string_view terraform_provider);

/// The pricer for a resource type, or nullptr.
PriceFunction find_pricer(std::string_view type);

/// True for resource types known to cost nothing (IAM, security groups, ...), listed in
/// the embedded data file free_resources.txt.
bool is_free_resource(std::string_view type);

} // namespace costgate
