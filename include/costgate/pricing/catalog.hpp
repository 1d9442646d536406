#pragma once

#include <map>
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
/// any overlays.
class Catalog {
  public:
    /// The catalog compiled into the binary.
    static Catalog embedded();

    /// Adds the rows of a catalog CSV (see docs/catalog.md); later rows replace earlier
    /// ones with the same key. `name` is used in error messages.
    void add_csv(std::string_view name, std::string_view csv);

    /// The price for a product in a region, or nullptr.
    const PriceEntry* find(std::string_view provider, std::string_view service,
                           std::string_view product, std::string_view region) const;
    const PriceEntry* find(const std::string& key) const;

    const std::map<std::string, PriceEntry>& entries() const { return m_entries; }
    const std::string& version() const { return m_version; }
    /// The newest as_of of any row.
    const std::string& as_of() const { return m_as_of; }
    const std::string& currency() const { return m_currency; }

    void set_version(std::string version) { m_version = std::move(version); }

  private:
    std::map<std::string, PriceEntry> m_entries;
    std::string m_version;
    std::string m_as_of;
    std::string m_currency = "USD";
};

} // namespace costgate
