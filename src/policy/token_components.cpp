#include "token_components.hpp"

#include "costgate/pricing/catalog.hpp"

namespace costgate::policy {

namespace {

// The unit the pricers give token components (src/pricing/azure/cognitive_deployment.cpp).
constexpr std::string_view k_token_unit = "1M tokens";

} // namespace

std::optional<TokenPrice> token_price_of(const CostComponent& component) {
    if (component.unit != k_token_unit)
        return std::nullopt;
    // provider/service/<model>|<kind>/region
    const auto key = pricing::split_price_key(component.price_key);
    const std::size_t bar = key ? key->product.rfind('|') : std::string::npos;
    if (bar == std::string::npos)
        return std::nullopt;
    return TokenPrice{key->provider,
                      key->service,
                      key->region,
                      key->product.substr(0, bar),
                      key->product.substr(bar + 1),
                      component.unit_price};
}

MonthlyTokens monthly_tokens(const std::vector<CostComponent>& components) {
    MonthlyTokens result;
    for (const CostComponent& component : components) {
        if (component.unit != k_token_unit)
            continue;
        if (component.monthly_quantity)
            result.tokens += *component.monthly_quantity * 1e6;
        else
            result.without_usage = true;
    }
    return result;
}

} // namespace costgate::policy
