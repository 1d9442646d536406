#pragma once

#include "costgate/model/error.hpp"
#include "costgate/model/resource.hpp"
#include "costgate/pricing/unit_volumes.hpp"

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>
#include <yaml-cpp/yaml.h>

namespace costgate::pricing {

/// Usage quantities for usage-priced resources (requests, GB stored, GB processed), read
/// from a YAML usage file (docs/catalog.md). Lookup order for a resource: its exact
/// address, then the first address glob that matches, then its type's default.
class Usage {
  public:
    /// Parses a usage file: costgate's own (`version: 1`), or Infracost's
    /// (`version: 0.1`, see parse_infracost). In costgate's, unknown keys, keys the
    /// resource type does not use, non-numeric or negative values are InputError
    /// `file:line:column`.
    static Usage parse(std::string_view name, std::string_view yaml);
    static Usage load_file(const std::string& path);

    /// The value of `key` for the resource, or nullopt when the file does not give it.
    std::optional<double> value(std::string_view address, std::string_view type,
                                std::string_view key) const;

    /// The name `key` holds for the resource (`model`: the hosted model a Kubernetes
    /// workload calls), or nullopt when the file does not give it.
    std::optional<std::string> text(std::string_view address, std::string_view type,
                                    std::string_view key) const;

    /// What the usage file says about the resource that its values cannot (a reserved
    /// instance asked for but not priced), from the entry that would give its values.
    std::vector<std::string> notes(std::string_view address, std::string_view type) const;

    bool empty() const { return m_by_address.empty() && m_by_type.empty(); }

    /// The business volumes of the project and of resources (`unit_volumes`).
    const UnitVolumes& unit_volumes() const { return m_unit_volumes; }

    /// `file:line: resource_usage "ADDRESS" matches no resource ...` for each address (or
    /// glob) of `resource_usage` or `unit_volumes.resources` that none of `resources` has:
    /// a typo there would leave a usage-priced resource at the type's default, or
    /// unpriced, or without its cost per 1,000 units, in silence.
    std::vector<std::string> unmatched_addresses(const std::vector<Resource>& resources) const;

  private:
    /// One entry of the file: its values, notes and where it is written.
    struct Entry {
        std::map<std::string, double, std::less<>> values;
        /// Keys whose value is a name (`model`).
        std::map<std::string, std::string, std::less<>> texts;
        std::vector<std::string> notes;
        SourceLocation where;
    };

    /// An Infracost usage file (infracost_usage.cpp): keys costgate uses, under their own
    /// name or the one src/pricing/usage/infracost_keys.csv maps them to, are read as in
    /// costgate's files; the others are ignored with a warning naming file, line and keys;
    /// reserved-instance keys become a note saying how the resource is priced.
    static Usage parse_infracost(const std::string& file, const YAML::Node& document);

    /// Reads one entry's keys, checked against those `type` takes, into `entry`.
    static void read_values(Entry& entry, const std::string& file, const YAML::Node& node,
                            const std::string& type, const std::string& what);

    /// The entries that apply to a resource, most specific first: exact address, the
    /// first matching glob, the type default.
    std::vector<const Entry*> entries_for(std::string_view address, std::string_view type) const;

    /// In file order, so the first matching glob wins.
    std::vector<std::pair<std::string, Entry>> m_by_address;
    std::map<std::string, Entry, std::less<>> m_by_type;
    UnitVolumes m_unit_volumes;
};

} // namespace costgate::pricing
