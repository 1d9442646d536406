#pragma once

#include "costgate/model/estimate.hpp"
#include "costgate/model/resource.hpp"
#include "costgate/pricing/attributes.hpp"
#include "costgate/pricing/catalog.hpp"
#include "costgate/pricing/usage.hpp"

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace costgate::pricing {

/// Hours in a billing month, as every cloud's monthly estimates use.
inline constexpr double k_hours_per_month = 730;

/// The resources of a run grouped by type, built once per run so that pricers looking for
/// related objects (an HPA, a LimitRange, a launch template) do not scan every resource of
/// the run for each resource they price.
class ResourcesByType {
  public:
    explicit ResourcesByType(const std::vector<Resource>& resources);
    /// The resources of `type`, in run order.
    const std::vector<const Resource*>& of_type(std::string_view type) const;

  private:
    std::map<std::string, std::vector<const Resource*>, std::less<>> m_by_type;
};

/// What a pricer gets besides the attributes: the catalog, the usage file and the
/// resource. Its helpers build components and record why something could not be priced.
class PricingContext {
  public:
    /// `by_type` indexes `resources` (the estimator builds it once per run); without it
    /// the context builds its own when a pricer first asks.
    PricingContext(const Catalog& catalog, const Usage& usage, const Resource& resource,
                   const std::vector<Resource>& resources, std::string cluster_profile = "default",
                   const ResourcesByType* by_type = nullptr)
        : m_catalog(catalog), m_usage(usage), m_resource(resource), m_resources(resources),
          m_provider(to_string(resource.cloud)), m_region(resource.region),
          m_cluster_profile(std::move(cluster_profile)), m_by_type(by_type) {}

    const std::string& region() const { return m_region; }
    const Resource& resource() const { return m_resource; }
    /// Every resource of the run (for objects that refer to each other, such as an HPA
    /// and its workload).
    const std::vector<Resource>& resources() const { return m_resources; }
    /// The resources of the run of one type, in run order.
    const std::vector<const Resource*>& resources_of_type(std::string_view type) const;
    /// The Kubernetes cluster profile whose rates price workloads (`--cluster`).
    const std::string& cluster_profile() const { return m_cluster_profile; }
    /// The default container requests of the cluster profile, or nullptr.
    const ClusterDefaults* cluster_defaults() const {
        return m_catalog.cluster_defaults(m_cluster_profile);
    }
    /// A usage quantity for this resource from the usage file.
    std::optional<double> usage(std::string_view key) const;
    /// A name the usage file gives for this resource (`model`).
    std::optional<std::string> usage_text(std::string_view key) const;
    /// This context reading its prices under another provider's keys: a hosted model's
    /// (`openai`, `aws`) for a resource of another cloud, or of none (a Kubernetes workload).
    PricingContext with_provider(std::string provider) const {
        PricingContext other = *this;
        other.m_provider = std::move(provider);
        return other;
    }
    /// The after state (else before state) of the first resource of `type` in the run whose
    /// string attribute `attribute` equals `value`, e.g. the launch template an
    /// autoscaling group names. Absent when there is none.
    JsonValue find_state(std::string_view type, std::string_view attribute,
                         std::string_view value) const;
    /// The after state (else before state) of the resource of `type` that this resource's
    /// `attribute` refers to in the plan's configuration (Resource::references), when it
    /// refers to exactly one: how a group finds the launch template created with it, whose
    /// id is known only after apply. Absent otherwise.
    JsonValue referenced_state(std::string_view attribute, std::string_view type) const;
    /// The after state (else before state) of the one resource of `type` whose `attribute`
    /// refers to this resource in the plan's configuration: the autoscaler that targets a
    /// group created with it. Absent when none or several do.
    JsonValue referring_state(std::string_view type, std::string_view attribute) const;

    /// True when the catalog has the row `service/product` in this region (or in `region`),
    /// for pricers that try a more specific key before a wider one.
    bool has_price(std::string_view service, std::string_view product,
                   std::string_view region = {}) const;
    /// Adds a component priced from the catalog row `service/product` in this region (or
    /// in `region` when given: Route 53's `global`), or records it as unpriced, naming the
    /// missing key.
    void add(StateCost& cost, std::string name, std::string unit, double monthly_quantity,
             std::string_view service, std::string_view product,
             std::string_view region = {}) const;
    /// Adds a component priced at the cluster profile's `product` rate (cpu, memory, gpu,
    /// storage, load_balancer) for `amount` units running all month; hourly rates are
    /// multiplied by 730 hours. With `amount` nullopt the component is usage-based.
    void add_cluster_rate(StateCost& cost, std::string name, std::optional<double> amount,
                          std::string_view product) const;
    /// Adds a usage-based component with the monthly quantity the pricer derived from the
    /// usage file, or, when the usage was not given (nullopt), its unit price only and no
    /// cost (never $0).
    void add_usage(StateCost& cost, std::string name, std::string unit,
                   std::optional<double> monthly_quantity, std::string_view service,
                   std::string_view product, std::string_view region = {}) const;

  private:
    // The catalog row, or nullptr after recording `name` as unpriced with the reason.
    const PriceEntry* lookup(StateCost& cost, const std::string& name, std::string_view service,
                             std::string_view product, std::string_view region) const;

    const Catalog& m_catalog;
    const Usage& m_usage;
    const Resource& m_resource;
    const std::vector<Resource>& m_resources;
    std::string m_provider;
    std::string m_region;
    std::string m_cluster_profile;
    const ResourcesByType* m_by_type;
    mutable std::optional<ResourcesByType> m_own_by_type;
};

/// `value` with at most `significant_digits` significant digits (printf's %g), as quantities
/// appear in component names and notes.
std::string format_amount(double value, int significant_digits = 6);

/// Records `attribute` as an unpriced part of `cost`: its value is known only after apply.
void mark_unknown(StateCost& cost, std::string_view attribute);

/// Turns one state of a resource into cost components. One function per resource family
/// lives under src/pricing/<provider>/; src/pricing/registry.cpp names them and
/// src/pricing/types/resource_types.yaml says which types use them.
using PriceFunction = StateCost (*)(const Attributes& attributes, const PricingContext& context);

/// The usage-file keys a resource type reads (empty for unknown types), from its entry in
/// src/pricing/types/resource_types.yaml.
std::vector<std::string_view> pricer_usage_keys(std::string_view type);

/// True for resource types known to cost nothing (IAM, security groups, ...), listed in
/// the embedded data files free_resources.txt (Kubernetes, Terraform-internal) and
/// free_resources_<provider>.txt (aws, google, azurerm).
bool is_free_resource(std::string_view type);

/// True for Terraform providers (short names: `random`, `datadog`, ...) whose resources
/// never appear on an AWS, Google Cloud or Azure bill, listed in the embedded data file
/// outside_cloud_bill.txt.
bool is_outside_cloud_bill(std::string_view provider);

} // namespace costgate::pricing
