#pragma once

#include "costgate/model/error.hpp"
#include "costgate/model/estimate.hpp"
#include "costgate/model/resource.hpp"
#include "costgate/model/unit_cost.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>
#include <yaml-cpp/yaml.h>

namespace costgate::pricing {

/// The business volumes a usage file gives (`unit_volumes`, docs/catalog.md): the
/// project's, and resources' by address or address glob, so that reports show what 1,000
/// units cost and policies can cap it.
class UnitVolumes {
  public:
    /// Reads the `unit_volumes` mapping of `file`: `project` and `resources` (address or
    /// glob → volume), each volume `{unit: TEXT, monthly_units: N}` with N a whole number
    /// above 0. Unknown keys, a unit without a volume (or the reverse), an empty or
    /// unprintable unit and a volume that is not a whole number above 0 are InputError
    /// `file:line:column`.
    static UnitVolumes parse(const std::string& file, const YAML::Node& node);

    /// The volume of the project whose usage file this is (the whole run of a single run).
    const std::optional<UnitVolume>& project() const { return m_project; }

    /// The volume of the resource at `address`: the entry for that exact address, else the
    /// first glob, in file order, that matches it.
    std::optional<UnitVolume> of_resource(std::string_view address) const;

    /// `file:line: unit_volumes.resources "ADDRESS" matches no resource ...` for each
    /// entry that no resource of `resources` has.
    std::vector<std::string> unmatched_addresses(const std::vector<Resource>& resources) const;

  private:
    struct Entry {
        std::string pattern;
        UnitVolume volume;
        SourceLocation where;
    };

    std::optional<UnitVolume> m_project;
    /// In file order, so the first matching glob wins.
    std::vector<Entry> m_resources;
};

/// Gives each resource of `estimate` with a volume, and the estimate itself when the
/// project has one, its cost per 1,000 units, from the monthly amounts as they stand: call
/// it once the amounts are final (after --compare-to's baseline).
void add_unit_costs(Estimate& estimate, const UnitVolumes& volumes);

} // namespace costgate::pricing
