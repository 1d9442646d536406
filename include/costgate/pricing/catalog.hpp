#pragma once

#include <map>
#include <mutex>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace costgate {

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

    /// `provider/service/product/region`: the key shown in reports and `catalog show`.
    std::string key() const;
};

/// Every price costgate knows, keyed by PriceEntry::key(): the embedded catalog plus
/// any overlays. The embedded data is parsed one service at a time, on first use, so a
/// run pays only for the services its resources need.
class Catalog {
  public:
    /// The catalog compiled into the binary (src/pricing/catalog/).
    static Catalog embedded();

    Catalog() = default;
    Catalog(Catalog&& other) noexcept;
    Catalog& operator=(Catalog&& other) noexcept;

    /// Adds the rows of a catalog CSV (see docs/catalog.md); they replace embedded rows
    /// and earlier rows with the same key. `name` is used in error messages.
    void add_csv(std::string_view name, std::string_view csv);

    /// The price for a product in a region, or nullptr.
    const PriceEntry* find(std::string_view provider, std::string_view service,
                           std::string_view product, std::string_view region) const;

    /// Every entry, sorted by key (parses all embedded data).
    const std::map<std::string, PriceEntry>& entries() const;
    const std::string& version() const { return m_version; }
    /// The date of the newest embedded price (from manifest.yaml).
    const std::string& as_of() const { return m_as_of; }
    const std::string& currency() const { return m_currency; }

  private:
    /// Parses the embedded file of `provider/service` if it has not been parsed yet.
    void load_embedded(const std::string& provider_service) const;
    static void add_rows(std::map<std::string, PriceEntry>& entries, std::string_view name,
                         std::string_view csv, bool replace);

    // The embedded files not parsed yet, keyed `provider/service`.
    mutable std::map<std::string, std::string_view, std::less<>> m_unparsed;
    mutable std::map<std::string, PriceEntry> m_entries;
    mutable std::mutex m_mutex;
    std::string m_version;
    std::string m_as_of;
    std::string m_currency = "USD";
};

} // namespace costgate
