#include "cheaper_choices.hpp"

#include "costgate/pricing/ai_models.hpp"
#include "resource_capacity.hpp"
#include "resource_hardware.hpp"
#include "rules/rule_options.hpp"

#include <algorithm>

namespace costgate::policy {

std::string smaller_model_text(const pricing::Catalog& catalog, const TokenPrice& price,
                               const std::string& currency) {
    const auto smaller = pricing::smaller_model_of(price.model);
    if (!smaller || *smaller == price.model || price.per_million <= 0)
        return "";
    const pricing::PriceEntry* entry =
        catalog.find(price.provider, price.service, *smaller + "|" + price.kind, price.region);
    if (!entry || entry->price >= price.per_million)
        return "";
    std::string kind = price.kind;
    std::replace(kind.begin(), kind.end(), '_', ' ');
    return *smaller + ", the smaller model of its family, costs " +
           format_unit_price(entry->price, currency) + " per 1M " + kind + " tokens (" +
           format_percent(100 * entry->price / price.per_million) + " of the price)";
}

std::string spot_price_text(const pricing::Catalog& catalog, const PricedResource& priced,
                            const std::string& currency) {
    for (const CostComponent* component : machine_components(priced)) {
        const auto key = pricing::split_price_key(component->price_key);
        if (!key || key->service.ends_with("_spot") || component->unit_price <= 0)
            continue;
        const pricing::PriceEntry* spot =
            catalog.find(key->provider, key->service + "_spot", key->product, key->region);
        if (!spot || spot->price >= component->unit_price)
            continue;
        return "spot " + key->product + " in " + key->region + " costs " +
               format_unit_price(spot->price, currency) + " an hour (" +
               format_percent(100 * spot->price / component->unit_price) + " of the on-demand " +
               format_unit_price(component->unit_price, currency) + ")";
    }
    return "";
}

namespace {

// Whether the policy's `regions` rules let the resource run in `region`: nullopt when none
// of them selects it.
std::optional<bool> policy_allows(const std::vector<std::unique_ptr<Rule>>& rules,
                                  const Resource& resource, std::string_view region) {
    std::optional<bool> verdict;
    for (const auto& rule : rules) {
        const auto allows = rule->allows_region(resource, region);
        if (!allows)
            continue;
        if (!*allows)
            return false;
        verdict = true;
    }
    return verdict;
}

} // namespace

std::string cheaper_region_text(const EvaluationInput& input, const PricedResource& priced) {
    const Resource& resource = priced.resource;
    if (!input.catalog || !input.rules || gpus_per_machine(resource) <= 0)
        return "";
    for (const CostComponent* component : machine_components(priced)) {
        const auto key = pricing::split_price_key(component->price_key);
        if (!key || component->unit_price <= 0)
            continue;
        std::string best_region;
        double best_price = component->unit_price;
        for (const std::string& region :
             input.catalog->regions_of(key->provider, key->service, key->product)) {
            if (region == key->region)
                continue;
            const auto allowed = policy_allows(*input.rules, resource, region);
            if (!allowed)
                return "";
            if (!*allowed)
                continue;
            const pricing::PriceEntry* entry =
                input.catalog->find(key->provider, key->service, key->product, region);
            if (entry && entry->price < best_price) {
                best_price = entry->price;
                best_region = region;
            }
        }
        if (best_region.empty())
            continue;
        return "the same " + key->product + " in " + best_region +
               ", which the policy allows, costs " + format_unit_price(best_price, input.currency) +
               " an hour (" + format_percent(100 * best_price / component->unit_price) + " of " +
               format_unit_price(component->unit_price, input.currency) + " in " + key->region +
               ")";
    }
    return "";
}

std::string gpu_machine_suggestions(const EvaluationInput& input, const PricedResource& priced) {
    std::string text = input.catalog ? spot_price_text(*input.catalog, priced, input.currency) : "";
    if (const std::string region = cheaper_region_text(input, priced); !region.empty())
        text += (text.empty() ? "" : "; ") + region;
    return text;
}

} // namespace costgate::policy
