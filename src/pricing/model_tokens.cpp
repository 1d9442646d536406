#include "model_tokens.hpp"

namespace costgate::pricing {

namespace {

std::optional<double> per_million(std::optional<double> tokens) {
    return tokens ? std::optional<double>(*tokens / 1e6) : std::nullopt;
}

} // namespace

void add_model_tokens(StateCost& cost, const HostedModel& model, const PricingContext& context) {
    // The model's prices are its provider's, whatever the resource's own cloud is (a
    // Kubernetes workload calling Bedrock).
    const PricingContext prices = context.with_provider(model.provider);
    const auto add = [&](const std::string& name, std::string_view usage_key,
                         const std::string& kind, bool always) {
        const std::string product = model.model + "|" + kind;
        const auto tokens = context.usage(usage_key);
        if (always || tokens || prices.has_price(model.service, product, model.region))
            prices.add_usage(cost, name + " (" + model.model + ")", "1M tokens",
                             per_million(tokens), model.service, product, model.region);
    };
    add("Input tokens", "monthly_input_tokens", "input", true);
    add("Output tokens", "monthly_output_tokens", "output", false);
    add("Cached input tokens", "monthly_cached_input_tokens", "cached_input", false);
}

} // namespace costgate::pricing
