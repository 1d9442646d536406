// Which resource types the catalog prices, and where: the types' descriptions
// (resource_types.yaml) against the catalog's keys.
#include "costgate/pricing/catalog_coverage.hpp"

#include "costgate/model/resource.hpp"
#include "costgate/pricing/resource_type.hpp"

#include <algorithm>
#include <iterator>
#include <map>
#include <set>

namespace costgate::pricing {

namespace {

using Regions = std::set<std::string>;

// The regions of each `provider/service` and each `provider/service/product`.
struct CatalogRegions {
    std::map<std::string, Regions, std::less<>> of_service;
    std::map<std::string, Regions, std::less<>> of_product;

    explicit CatalogRegions(const Catalog& catalog) {
        for (const auto& [key, entry] : catalog.entries()) {
            const std::string service = entry.provider + "/" + entry.service;
            of_service[service].insert(entry.region);
            of_product[service + "/" + entry.product].insert(entry.region);
        }
    }

    const Regions& find(const std::map<std::string, Regions, std::less<>>& in,
                        const std::string& key) const {
        static const Regions k_none;
        const auto found = in.find(key);
        return found == in.end() ? k_none : found->second;
    }
};

// The catalog's provider name of a type: `aws_instance` → aws; Kubernetes kinds → k8s.
std::string provider_of(const std::string& type) {
    const std::size_t underscore = type.find('_');
    if (underscore == std::string::npos)
        return std::string(to_string(Cloud::kubernetes));
    return std::string(to_string(cloud_of_provider(type.substr(0, underscore))));
}

void keep_common(std::optional<Regions>& regions, const Regions& more) {
    if (!regions) {
        regions = more;
        return;
    }
    Regions common;
    std::set_intersection(regions->begin(), regions->end(), more.begin(), more.end(),
                          std::inserter(common, common.end()));
    regions = std::move(common);
}

TypeCoverage coverage_of(const ResourceType& type, const CatalogRegions& catalog) {
    TypeCoverage coverage{type.type, type.pricer ? "pricer" : "data row", {}, {}, {}};
    const std::string provider = provider_of(type.type);
    std::optional<Regions> regions;
    bool fixed_region = false;
    for (const std::string& service : type.services) {
        // Kubernetes types are priced at a cluster profile's rates, which hold in any region.
        if (service == "cluster profile") {
            coverage.services = {service};
            coverage.regions = {"any"};
            return coverage;
        }
        coverage.services.push_back(provider + "/" + service);
    }
    if (type.pricer) {
        for (const std::string& service : type.services)
            keep_common(regions, catalog.find(catalog.of_service, provider + "/" + service));
    } else {
        for (const ComponentRule& rule : type.components) {
            const std::string service = provider + "/" + rule.service;
            if (!rule.region.empty()) {
                fixed_region = true;
                continue;
            }
            if (rule.product.find('{') != std::string::npos) {
                keep_common(regions, catalog.find(catalog.of_service, service));
                continue;
            }
            const std::string product = service + "/" + rule.product;
            const Regions& found = catalog.find(catalog.of_product, product);
            // A price the catalog has nowhere is named, not allowed to hide every region.
            if (found.empty())
                coverage.missing.push_back(product);
            else
                keep_common(regions, found);
        }
    }
    if (regions)
        coverage.regions.assign(regions->begin(), regions->end());
    else if (fixed_region)
        coverage.regions = {"global"};
    return coverage;
}

} // namespace

std::vector<TypeCoverage> catalog_coverage(const Catalog& catalog) {
    const CatalogRegions regions(catalog);
    std::vector<TypeCoverage> result;
    for (const ResourceType& type : resource_types())
        if (type.priced())
            result.push_back(coverage_of(type, regions));
    return result;
}

} // namespace costgate::pricing
