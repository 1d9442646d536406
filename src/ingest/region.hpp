#pragma once

#include "costgate/model/json_tree.hpp"

#include <string>
#include <string_view>

namespace costgate::ingest {

/// The region a resource's own attributes place it in (`region`, an AWS
/// `availability_zone`, a GCP `zone` or `location`, an Azure `location`), or empty.
std::string region_from_attributes(std::string_view provider, JsonValue attributes);

/// Normalises a provider's region spelling: Azure `West Europe` → `westeurope`, a GCP
/// zone → its region, an AWS zone or region → its region (empty when it is neither, e.g.
/// a zone id such as `use1-az1`); other providers' values unchanged.
std::string normalise_region(std::string_view provider, std::string_view value);

} // namespace costgate::ingest
