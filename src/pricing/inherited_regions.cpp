#include "inherited_regions.hpp"

#include "costgate/pricing/resource_type.hpp"

#include <string_view>
#include <unordered_map>

namespace costgate::pricing {

namespace {

/// The region `resource` would inherit, with the address and attribute it comes through;
/// empty when none of its `region_from` attributes refers to exactly one resource with one.
struct Inherited {
    std::string region;
    std::string from;
    std::string attribute;
};

Inherited
inherited_region(const Resource& resource, const ResourceType& type,
                 const std::unordered_map<std::string_view, const Resource*>& by_address) {
    for (const std::string& attribute : type.region_from) {
        const auto references = resource.references.find(attribute);
        if (references == resource.references.end() || references->second.size() != 1)
            continue;
        const auto target = by_address.find(references->second.front());
        if (target != by_address.end() && !target->second->region.empty())
            return {target->second->region, target->second->address, attribute};
    }
    return {};
}

} // namespace

void inherit_regions(std::vector<Resource>& resources) {
    std::unordered_map<std::string_view, const Resource*> by_address;
    by_address.reserve(resources.size());
    for (const Resource& resource : resources)
        by_address.emplace(resource.address, &resource);
    // Each pass settles one more link of a chain; a chain is as long as the types that
    // inherit, so a pass that changes nothing ends it.
    for (bool changed = true; changed;) {
        changed = false;
        for (Resource& resource : resources) {
            if (!resource.region.empty() || resource.references.empty())
                continue;
            const ResourceType* type = find_resource_type(resource.type);
            if (!type || type->region_from.empty())
                continue;
            Inherited inherited = inherited_region(resource, *type, by_address);
            if (inherited.region.empty())
                continue;
            resource.region = std::move(inherited.region);
            resource.notes.push_back("region " + resource.region + " from " + inherited.from +
                                     " (" + inherited.attribute + ")");
            changed = true;
        }
    }
}

} // namespace costgate::pricing
