#include "model_tokens.hpp"
#include "pricers.hpp"

namespace costgate::pricing::azure {

namespace {

constexpr std::string_view k_service = "openai";

// The deployment type: `sku.name` (azurerm 3.x: `scale.type`), Standard by default.
std::string deployment_type(const Attributes& attributes) {
    for (const char* block : {"sku", "scale"})
        for (const Attributes& found : attributes.blocks(block))
            if (const auto name = found.string(std::string_view(block) == "sku" ? "name" : "type"))
                return *name;
    return "Standard";
}

std::optional<double> capacity(const Attributes& attributes) {
    for (const char* block : {"sku", "scale"})
        for (const Attributes& found : attributes.blocks(block))
            if (const auto value = found.number("capacity"))
                return value;
    return std::nullopt;
}

// The catalog model: `<name>-<version>` where the list prices that version
// (gpt-4o-2024-08-06), else the model name.
std::string catalog_model(const Attributes& model, const PricingContext& context,
                          std::string_view region) {
    const std::string name = model.string("name").value_or("");
    const auto version = model.string("version");
    if (version && !version->empty()) {
        const std::string versioned = name + "-" + *version;
        if (context.has_price(k_service, versioned + "|input", region))
            return versioned;
    }
    return name;
}

} // namespace

StateCost price_cognitive_deployment(const Attributes& attributes, const PricingContext& context) {
    StateCost cost;
    const std::vector<Attributes> models = attributes.blocks("model");
    if (models.empty() || !models.front().string("name")) {
        mark_unknown(cost, "model");
        return cost;
    }
    const std::string type = deployment_type(attributes);
    if (type == "Standard" || type == "GlobalStandard") {
        // The list prices Global Standard under `global`; a model without a route is its list
        // price, which names no deployment type or region.
        const std::string_view region = type == "GlobalStandard" ? "global" : "any";
        add_model_tokens(cost,
                         {"azure", std::string(k_service),
                          catalog_model(models.front(), context, region), std::string(region)},
                         context);
        if (type == "Standard")
            cost.notes.emplace_back("Standard (regional) deployment priced at the model's list "
                                    "price, which names no region");
        return cost;
    }
    const std::string model = catalog_model(models.front(), context, "any");
    if (type.ends_with("ProvisionedManaged")) {
        // Provisioned throughput units are billed per PTU hour whatever is used.
        const auto units = capacity(attributes);
        if (!units) {
            mark_unknown(cost, "sku.capacity");
            return cost;
        }
        // PTU hours are a service of their own: every key of a service has one kind of unit.
        context.add(cost, "Provisioned throughput units (" + type + ", " + model + ")", "PTU-hours",
                    *units * k_hours_per_month, "openai_provisioned", type, "any");
        return cost;
    }
    if (type == "DataZoneStandard") {
        cost.add_unpriced("Tokens (" + model + ", Data Zone Standard)",
                          "Data Zone prices are per zone (us, eu) and the account's zone is not "
                          "mapped yet",
                          "azure/openai/" + model + "|input/us");
        return cost;
    }
    cost.add_unpriced("Tokens (" + model + ", " + type + ")",
                      "deployment type " + type + " is not priced yet");
    return cost;
}

} // namespace costgate::pricing::azure
