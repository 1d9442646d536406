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

std::string gcp_region_of_zone(const std::string& zone) {
    if (zone.size() > k_max_zone_length)
        return zone;
    // europe-west1-b → europe-west1; a region stays as it is.
    static const std::regex k_zone(R"(^([a-z]+-[a-z]+[0-9]+)-[a-z]$)");
    std::smatch match;
    return std::regex_match(zone, match, k_zone) ? match[1].str() : zone;
}

} // namespace

std::string normalise_region(std::string_view provider, std::string_view value) {
    std::string region(value);
    if (provider == "aws")
        return aws_region_of_zone(region);
    if (provider == "google" || provider == "google-beta")
        return gcp_region_of_zone(region);
    if (provider == "azurerm") {
        std::erase_if(region, [](unsigned char c) { return std::isspace(c); });
        std::transform(region.begin(), region.end(), region.begin(),
                       [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    }
    return region;
}

std::string region_from_attributes(std::string_view provider, JsonValue attributes) {
    std::vector<const char*> keys;
    if (provider == "aws")
        keys = {"region", "availability_zone"};
    else if (provider == "google" || provider == "google-beta")
        keys = {"region", "zone", "location"};
    else if (provider == "azurerm")
        keys = {"location"};
    for (const char* key : keys) {
        const JsonValue value = attributes.find(key);
        if (!value.is_string() || value.string().empty())
            continue;
        std::string region = normalise_region(provider, value.string());
        if (!region.empty())
            return region;
    }
    return {};
}

} // namespace costgate::ingest
