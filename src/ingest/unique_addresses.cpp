#include "costgate/ingest/unique_addresses.hpp"

#include "costgate/model/error.hpp"

#include <unordered_map>

namespace costgate::ingest {

void check_addresses_unique(const std::vector<Resource>& resources, std::string_view input) {
    // A hash map: a std::map's node per resource and its string comparisons grew faster
    // than the plan (100,000 resources).
    std::unordered_map<std::string_view, const Resource*> first;
    first.reserve(resources.size());
    for (const Resource& resource : resources) {
        const auto [known, added] = first.emplace(resource.address, &resource);
        if (added)
            continue;
        const Resource& other = *known->second;
        const std::string where = SourceLocation(other.file, other.line).to_string();
        throw InputError({resource.file, resource.line},
                         resource.address + " appears twice in the " + std::string(input) +
                             " (first at " + where + "): it would be priced twice");
    }
}

} // namespace costgate::ingest
