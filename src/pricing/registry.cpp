#include "aws/pricers.hpp"
#include "costgate/pricing/pricer.hpp"

#include <algorithm>
#include <array>
#include <utility>

namespace costgate {

namespace {

// One line per priced resource type, sorted by type.
constexpr std::array<std::pair<std::string_view, PriceFunction>, 2> k_pricers = {{
    {"aws_ebs_volume", &aws::price_ebs_volume},
    {"aws_instance", &aws::price_instance},
}};

} // namespace

std::string_view catalog_provider(std::string_view terraform_provider) {
    if (terraform_provider == "google" || terraform_provider == "google-beta")
        return "gcp";
    if (terraform_provider == "azurerm")
        return "azure";
    return terraform_provider;
}

PriceFunction find_pricer(std::string_view type) {
    const auto found = std::lower_bound(k_pricers.begin(), k_pricers.end(), type,
                                        [](const auto& entry, std::string_view key) { return entry.first < key; });
    return found != k_pricers.end() && found->first == type ? found->second : nullptr;
}

} // namespace costgate
