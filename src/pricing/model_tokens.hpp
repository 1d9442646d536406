#pragma once

#include "costgate/pricing/pricer.hpp"

#include <string>

namespace costgate::pricing {

/// A hosted model something sends tokens to, as the catalog keys its token prices:
/// `<provider>/<service>/<model>|<kind>/<region>` (`azure/openai/gpt-4o-mini|input/global`).
struct HostedModel {
    std::string provider;
    std::string service;
    std::string model;
    /// Where its prices are read: an AWS region, `global`, a data zone, or `any` for the
    /// list price that names no region.
    std::string region;
};

/// Adds the model's token components: input, output and cached input tokens a month from
/// the usage file (`monthly_input_tokens`, `monthly_output_tokens`,
/// `monthly_cached_input_tokens`), each / 1,000,000 x the price per 1M tokens. Without
/// usage a component shows its unit price and no cost (never $0). An embedding model has
/// no output price and not every model a cache price: those parts appear only when the
/// model has the price or the usage file gives tokens for them.
void add_model_tokens(StateCost& cost, const HostedModel& model, const PricingContext& context);

} // namespace costgate::pricing
