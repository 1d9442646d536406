#pragma once

#include "costgate/model/estimate.hpp"

#include <optional>
#include <string>
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

/// The tokens a resource's components bill a month.
struct MonthlyTokens {
    double tokens = 0;
    /// Some token component has no usage: `tokens` is a lower bound.
    bool without_usage = false;
};

MonthlyTokens monthly_tokens(const std::vector<CostComponent>& components);

} // namespace costgate::policy
