#include "pricers.hpp"

namespace costgate::pricing::aws {

StateCost price_sagemaker_endpoint(const Attributes& attributes, const PricingContext& context) {
    StateCost cost;
    if (attributes.is_unknown("endpoint_config_name")) {
        mark_unknown(cost, "endpoint_config_name");
        return cost;
    }
    const auto config_name = attributes.string("endpoint_config_name");
    const JsonValue config =
        config_name
            ? context.find_state("aws_sagemaker_endpoint_configuration", "name", *config_name)
            : JsonValue();
    if (!config) {
        cost.add_unpriced("Instances (endpoint configuration)",
                          "the endpoint configuration (aws_sagemaker_endpoint_configuration "
                          "with its production_variants) is not in the plan");
        return cost;
    }
    const Attributes configuration(config, {});
    const std::vector<Attributes> variants = configuration.blocks("production_variants");
    if (variants.empty())
        cost.add_unpriced("Instances", "the endpoint configuration has no production_variants");
    for (const Attributes& variant : variants) {
        const std::string name = variant.string("variant_name").value_or("variant");
        if (!variant.blocks("serverless_config").empty()) {
            cost.add_unpriced(name + ": serverless inference",
                              "serverless inference (per GB-second of compute) is not priced yet");
            continue;
        }
        const auto type = variant.string("instance_type");
        const auto count = variant.number("initial_instance_count");
        if (!type || !count) {
            cost.add_unpriced(name + ": instances",
                              "the variant sets no instance_type and initial_instance_count");
            continue;
        }
        // Real-time inference is billed per instance hour by ML instance type
        // (`<type>|hosting`: training and notebooks have their own prices).
        context.add(cost, name + ": instances (" + *type + ", real-time inference)", "hours",
                    *count * k_hours_per_month, "sagemaker", *type + "|hosting");
    }
    return cost;
}

} // namespace costgate::pricing::aws
