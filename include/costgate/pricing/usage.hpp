#pragma once

#include "costgate/model/error.hpp"
#include "costgate/model/resource.hpp"

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace costgate::pricing {

/// Usage quantities for usage-priced resources (requests, GB stored, GB processed), read
/// from a YAML usage file (docs/catalog.md). Lookup order for a resource: its exact
/// address, then the first address glob that matches, then its type's default.
class Usage {
  public:
    /// Parses a usage file. Unknown keys, keys the resource type does not use, non-numeric
    /// or negative values are InputError `file:line:column`.
    static Usage parse(std::string_view name, std::string_view yaml);
    static Usage load_file(const std::string& path);

    /// The value of `key` for the resource, or nullopt when the file does not give it.
    std::optional<double> value(std::string_view address, std::string_view type,
                                std::string_view key) const;

    bool empty() const { return m_by_address.empty() && m_by_type.empty(); }

    /// `file:line: resource_usage "ADDRESS" matches no resource ...` for each address (or
    /// glob) of `resource_usage` that none of `resources` has: a typo there would leave a
    /// usage-priced resource at the type's default, or unpriced, in silence.
    std::vector<std::string> unmatched_addresses(const std::vector<Resource>& resources) const;

  private:
    using Values = std::map<std::string, double, std::less<>>;
    struct AddressUsage {
        std::string pattern;
        Values values;
        SourceLocation where;
    };
    /// In file order, so the first matching glob wins.
    std::vector<AddressUsage> m_by_address;
    std::map<std::string, Values, std::less<>> m_by_type;
};

} // namespace costgate::pricing
