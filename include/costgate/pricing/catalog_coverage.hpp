#pragma once

#include "costgate/pricing/catalog.hpp"

#include <string>
#include <vector>

namespace costgate::pricing {

/// How far the catalog reaches for one priced resource type (`costgate catalog coverage`).
struct TypeCoverage {
    std::string type;
    /// `pricer` (a C++ family) or `data row` (components in resource_types.yaml).
    std::string priced_by;
    /// The catalog services its prices come from, `provider/service`, in the type's order.
    std::vector<std::string> services;
    /// The regions where every one of its prices is in the catalog, sorted; `global` for a
    /// type whose prices have one fixed region, `any` for cluster-profile rates.
    std::vector<std::string> regions;
    /// A data row's prices the catalog has in no region (`aws/ssm/advanced_parameter`):
    /// the parts an overlay would have to add.
    std::vector<std::string> missing;
};

/// Every priced resource type, sorted by type, with the regions `catalog` prices it in. A
/// region counts when each price the type needs is there: a data row's fixed products
/// that the catalog has anywhere (a product chosen by an attribute counts when its service
/// has a price there), or each service a pricer reads.
std::vector<TypeCoverage> catalog_coverage(const Catalog& catalog);

} // namespace costgate::pricing
