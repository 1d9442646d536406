#include "token_components.hpp"

#include "costgate/pricing/catalog.hpp"

#include <algorithm>

namespace costgate::policy {

namespace {

// The unit the pricers give token components (src/pricing/model_tokens.cpp).
constexpr std::string_view k_token_unit = "1M tokens";

// The kinds of token every token pricer adds a part for (src/pricing/model_tokens.cpp).
constexpr std::string_view k_token_kinds[] = {"input", "output", "cached_input"};

// What a price key `provider/service/<model>|<kind>/region` says of a token price: all but
// the price itself. nullopt for a key whose product names no kind.
std::optional<TokenPrice> token_key_of(std::string_view price_key) {
    const auto key = pricing::split_price_key(price_key);
    const std::size_t bar = key ? key->product.rfind('|') : std::string::npos;
    if (bar == std::string::npos)
        return std::nullopt;
    return TokenPrice{key->provider,
                      key->service,
                      key->region,
                      key->product.substr(0, bar),
                      key->product.substr(bar + 1),
                      0};
}

} // namespace

std::optional<std::string> token_model_of_key(std::string_view price_key) {
    const auto token = token_key_of(price_key);
    if (!token || std::find(std::begin(k_token_kinds), std::end(k_token_kinds), token->kind) ==
                      std::end(k_token_kinds))
        return std::nullopt;
    return token->model;
}

std::optional<TokenPrice> token_price_of(const CostComponent& component) {
    if (component.unit != k_token_unit)
        return std::nullopt;
    auto price = token_key_of(component.price_key);
    if (price)
        price->per_million = component.unit_price;
    return price;
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
