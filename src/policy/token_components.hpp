#pragma once

#include "costgate/model/estimate.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace costgate::policy {

/// What a component billed per 1M tokens is: the model and kind of token its catalog key
/// names (`azure/openai/gpt-4o-mini|input/global` -> `gpt-4o-mini`, `input`).
struct TokenPrice {
    /// The catalog key's parts: `azure`, `openai`, `global`.
    std::string provider;
    std::string service;
    std::string region;
    std::string model;
    /// `input`, `output`, `cached_input`, ...
    std::string kind;
    /// The price per 1M tokens.
    double per_million = 0;
};

/// The token price of `component`, or nullopt when it is not billed per 1M tokens.
std::optional<TokenPrice> token_price_of(const CostComponent& component);

/// The model a token price key names (`openai/api/gpt-4o-mini|input/any` -> `gpt-4o-mini`),
/// or nullopt when the key is not one of a token price (input, output, cached input): how
/// an unpriced token part still says which model it is for.
std::optional<std::string> token_model_of_key(std::string_view price_key);

/// The tokens a resource's components bill a month.
struct MonthlyTokens {
    double tokens = 0;
    /// Some token component has no usage: `tokens` is a lower bound.
    bool without_usage = false;
};

MonthlyTokens monthly_tokens(const std::vector<CostComponent>& components);

} // namespace costgate::policy
