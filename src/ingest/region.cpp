#include "region.hpp"

#include <algorithm>
#include <cctype>
#include <regex>
#include <vector>

namespace costgate::ingest {

namespace {

// Region and zone names are short; std::regex recurses per character, so longer text is
// not a zone and is not given to it.
constexpr std::size_t k_max_zone_length = 64;

std::string aws_region_of_zone(const std::string& zone) {
    if (zone.size() > k_max_zone_length)
        return {};
    // us-east-1a, us-west-2-lax-1a (Local Zone), us-gov-west-1b → the region prefix.
    static const std::regex k_region(R"(^([a-z]{2}(-gov|-iso[a-z]?)?-[a-z]+-[0-9]+))");
    std::smatch match;
    return std::regex_search(zone, match, k_region) ? match[1].str() : std::string();
}

std::string gcp_region_of_zone(std::string zone) {
    // A zone given as a resource path (`projects/p/global/zones/us-central1-a`) is its last
    // step; locations are case-insensitive (a bucket's `US` is the `us` multi-region).
    if (const std::size_t slash = zone.rfind('/'); slash != std::string::npos)
        zone.erase(0, slash + 1);
    std::transform(zone.begin(), zone.end(), zone.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    if (zone.size() > k_max_zone_length)
        return zone;
    // europe-west1-b → europe-west1; a region stays as it is.
    static const std::regex k_zone(R"(^([a-z]+-[a-z]+[0-9]+)-[a-z]$)");
    std::smatch match;
    return std::regex_match(zone, match, k_zone) ? match[1].str() : zone;
}

} // namespace

std::string normalise_region(Cloud cloud, std::string_view value) {
    std::string region(value);
    if (cloud == Cloud::aws)
        return aws_region_of_zone(region);
    if (cloud == Cloud::gcp)
        return gcp_region_of_zone(region);
    if (cloud == Cloud::azure) {
        std::erase_if(region, [](unsigned char c) { return std::isspace(c); });
        std::transform(region.begin(), region.end(), region.begin(),
                       [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    }
    return region;
}

std::string region_from_attributes(Cloud cloud, JsonValue attributes) {
    std::vector<const char*> keys;
    if (cloud == Cloud::aws)
        keys = {"region", "availability_zone", "availability_zones"};
    else if (cloud == Cloud::gcp)
        keys = {"region", "zone", "location"};
    else if (cloud == Cloud::azure)
        keys = {"location"};
    for (const char* key : keys) {
        JsonValue value = attributes.find(key);
        // aws_rds_cluster and others name their zones in a list; the first says the region.
        if (value.is_array())
            value = value[0];
        if (!value.is_string() || value.string().empty())
            continue;
        std::string region = normalise_region(cloud, value.string());
        if (!region.empty())
            return region;
    }
    return {};
}

} // namespace costgate::ingest
