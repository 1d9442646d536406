#pragma once

#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace YAML {
class Node;
}

namespace costgate::pricing {

class CatalogPack;

/// One price: a unit price for a product in a region, with where it was read.
struct PriceEntry {
    std::string provider;
    std::string service;
    /// The product within the service: `m5.large`, `gp3`, `gp3_iops_above_3000`, ...
    std::string product;
    std::string region;
    /// What one unit is: `hour`, `GB-month`, `IOPS-month`, ...
    std::string unit;
    double price = 0.0;
    /// Conditions the price holds under: `Linux; shared tenancy; on-demand`.
    std::string terms;
    std::string source;
    std::string source_detail;
    /// YYYY-MM-DD the source printed this price.
    std::string as_of;
    /// True for rows from a user's overlay, false for the embedded list prices.
    bool overlay = false;
    /// The discount applied to a list price, e.g. "less 12%: EDP"; empty when none.
    std::string adjustment;

    /// `provider/service/product/region`: the key shown in reports and `catalog show`.
    std::string key() const;
    /// The entry as a row of the catalog CSV format (docs/catalog.md).
    std::vector<std::string> csv_fields() const;
};

/// The parts of a key `provider/service/product/region` (the product may hold `|`).
struct PriceKey {
    std::string provider;
    std::string service;
    std::string product;
    std::string region;
};

/// The parts of `key`, or nullopt when it has fewer than four parts.
std::optional<PriceKey> split_price_key(std::string_view key);

/// A percentage off embedded list prices for a provider, optionally narrowed to services
/// and products by glob (`m5.*`), from an overlay's `discounts:`.
struct Discount {
    std::string provider;
    std::string service = "*";
    std::string product = "*";
    double percent = 0;
    std::string reason;
};

/// What a Kubernetes platform assumes for a container that requests nothing: GKE
/// Autopilot, for one, applies documented default requests.
struct ClusterDefaults {
    std::optional<double> cpu_cores;
    std::optional<double> memory_gib;
    std::string source;
    std::string source_detail;
    std::string as_of;
};

/// Every price costgate knows, keyed by PriceEntry::key(): the embedded catalog plus
/// any overlays. The embedded data is one pack file per service (src/pricing/catalog/),
/// opened on first use; a lookup parses only the row it finds, so a run pays only for the
/// prices its resources need.
class Catalog {
  public:
    /// The catalog compiled into the binary (src/pricing/catalog/).
    static Catalog embedded();

    Catalog();
    ~Catalog();
    Catalog(Catalog&& other) noexcept;
    Catalog& operator=(Catalog&& other) noexcept;

    /// Adds the rows of a catalog CSV (see docs/catalog.md); they replace embedded rows
    /// and earlier rows with the same key. CSV prices are USD. `name` is used in errors.
    void add_csv(std::string_view name, std::string_view csv);

    /// Adds an overlay file: YAML (`.yaml`, `.yml`: prices, discounts, currency) or CSV.
    /// A currency other than the catalog's drops the embedded USD prices, so every price
    /// used comes from the overlays; two overlays with different currencies are an error.
    void add_overlay(std::string_view name, std::string_view text);

    /// The price for a product in a region, or nullptr.
    const PriceEntry* find(std::string_view provider, std::string_view service,
                           std::string_view product, std::string_view region) const;

    /// The regions the catalog prices `product` of `provider/service` in (embedded or from an
    /// overlay), sorted: where else the same machine could run.
    std::vector<std::string> regions_of(std::string_view provider, std::string_view service,
                                        std::string_view product) const;

    /// True when the catalog knows the cluster profile: it has prices under `k8s/<profile>/`
    /// (embedded or from an overlay) or default requests for it.
    bool has_cluster_profile(std::string_view profile) const;

    /// The default container requests of a cluster profile, or nullptr when the platform
    /// applies none (from cluster_profiles.yaml or an overlay's `cluster_profiles:`).
    const ClusterDefaults* cluster_defaults(std::string_view profile) const;

    /// The catalog CSV header row.
    static std::vector<std::string> csv_header();

    /// Every entry, sorted by key (parses all embedded data).
    const std::map<std::string, PriceEntry>& entries() const;
    const std::string& version() const { return m_version; }
    /// The date of the newest embedded price (from manifest.yaml).
    const std::string& as_of() const { return m_as_of; }
    const std::string& currency() const { return m_currency; }

  private:
    /// Opens the embedded file of `provider/service` if it has not been opened yet; the
    /// pack, or nullptr when the catalog has none for it.
    const CatalogPack* load_embedded(std::string_view provider_service) const;
    /// Adds overlay rows of the catalog CSV format; they replace rows with the same key.
    void add_rows(std::string_view name, std::string_view csv);
    void add_yaml_overlay(std::string_view name, std::string_view yaml);
    void set_currency(const std::string& currency, std::string_view name);
    void apply_discount(PriceEntry& entry) const;
    /// Reads a `cluster_profiles:` mapping (embedded file or overlay).
    void add_cluster_profiles(const std::string& file, const YAML::Node& profiles);

    // The embedded files not opened yet, keyed `provider/service`.
    mutable std::map<std::string, std::string_view, std::less<>> m_unparsed;
    // The embedded price files opened, keyed `provider/service`: a lookup reads its one
    // row from the pack, so a run parses only the prices it uses.
    mutable std::map<std::string, std::unique_ptr<CatalogPack>, std::less<>> m_packs;
    // Prices looked up or listed so far, and every overlay price.
    mutable std::map<std::string, PriceEntry> m_entries;
    // True once entries() has added every embedded row to m_entries.
    mutable bool m_all_listed = false;
    mutable std::mutex m_mutex;
    std::string m_version;
    std::string m_as_of;
    std::string m_currency = "USD";
    /// The overlay that set a currency, for conflict messages.
    std::string m_currency_origin = "the embedded catalog";
    std::vector<Discount> m_discounts;
    std::map<std::string, ClusterDefaults, std::less<>> m_cluster_defaults;
};

} // namespace costgate::pricing
