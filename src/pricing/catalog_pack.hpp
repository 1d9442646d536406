#pragma once

#include "costgate/pricing/catalog.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace costgate::pricing {

/// One embedded price file in the pack format tools/catalog/catalog_pack.py writes: a
/// service's rows with their units, terms, sources and dates said once (profiles) and
/// their source details cut into shared pieces (strings). Rows are sorted by
/// `product,region`, so a lookup is a binary search over the text and parses one row;
/// nothing is indexed up front. The text must outlive the pack (embedded data does).
class CatalogPack {
  public:
    /// Reads the pack's header and profiles; throws InputError naming `name` when the text
    /// is not a pack or its sections are malformed.
    CatalogPack(std::string name, std::string_view text);

    /// True when `text` starts with the pack magic line.
    static bool is_pack(std::string_view text);

    /// The row of `product` in `region`, or nullopt.
    std::optional<PriceEntry> find(std::string_view product, std::string_view region) const;

    /// The regions `product` has a row in, sorted.
    std::vector<std::string> regions_of(std::string_view product) const;

    /// Every row, in file order.
    std::vector<PriceEntry> all() const;

  private:
    struct Profile {
        std::string unit;
        std::string terms;
        std::string source;
        std::string as_of;
    };

    /// The offset of the first row whose first `key.size()` bytes are not below `key`
    /// (the end of the rows when there is none).
    std::size_t first_row_from(std::string_view key) const;
    /// The section `label,count` starting at `at`; advances `at` past it.
    std::string_view section(std::string_view label, std::size_t& at, std::size_t& count) const;
    PriceEntry entry_of(std::string_view row) const;
    std::string detail_of(std::string_view pieces) const;
    [[noreturn]] void fail(std::string_view at, const std::string& message) const;

    std::string m_name;
    std::string_view m_text;
    std::string m_provider;
    std::string m_service;
    std::vector<Profile> m_profiles;
    std::string_view m_strings;
    std::size_t m_string_count = 0;
    /// Start of each string line, found on the first row that needs one.
    mutable std::vector<std::uint32_t> m_string_starts;
    std::string_view m_rows;
};

} // namespace costgate::pricing
