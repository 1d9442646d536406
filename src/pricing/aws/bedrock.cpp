#include "costgate/pricing/ai_models.hpp"
#include "pricers.hpp"

#include <regex>

namespace costgate::pricing::aws {

namespace {

constexpr std::string_view k_service = "bedrock_provisioned_throughput";

// Provisioned throughput is bought for a model's context-window variant
// (anthropic.claude-v2:1:18k); the price list keys the model without it.
std::string without_context_window(const std::string& model) {
    static const std::regex k_suffix(R"(:[0-9]+k$)");
    return std::regex_replace(model, k_suffix, "");
}

// The catalog's commitment word for the provider's commitment_duration; no commitment
// (hourly, cancel any time) when absent.
std::string commitment_of(const std::optional<std::string>& duration) {
    if (duration == "OneMonth")
        return "1-month-commitment";
    if (duration == "SixMonths")
        return "6-month-commitment";
    return "no-commitment";
}

} // namespace

StateCost price_bedrock_provisioned_model_throughput(const Attributes& attributes,
                                                     const PricingContext& context) {
    StateCost cost;
    if (attributes.is_unknown("model_arn")) {
        mark_unknown(cost, "model_arn");
        return cost;
    }
    const auto units = attributes.number("model_units");
    if (!units) {
        mark_unknown(cost, "model_units");
        return cost;
    }
    const auto found = foundation_model_of(attributes.string("model_arn").value_or(""));
    if (!found) {
        cost.add_unpriced("Model units", "model_arn names no foundation model (custom models "
                                         "are not in the price list)");
        return cost;
    }
    const std::string& model = *found;
    const std::string commitment = commitment_of(attributes.string("commitment_duration"));
    // The list prices some models per region and others once for every region (`any`),
    // with or without the context-window suffix.
    std::string product = model + "|" + commitment;
    std::string_view region;
    for (const std::string& candidate : {model, without_context_window(model)}) {
        const std::string key = candidate + "|" + commitment;
        if (context.has_price(k_service, key)) {
            product = key;
            region = {};
            break;
        }
        if (context.has_price(k_service, key, "any")) {
            product = key;
            region = "any";
            break;
        }
    }
    context.add(cost, "Model units (" + model + ", " + commitment + ")", "model-unit-hours",
                *units * k_hours_per_month, k_service, product, region);
    return cost;
}

} // namespace costgate::pricing::aws
