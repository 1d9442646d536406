#include "cheaper_choices.hpp"

#include "costgate/pricing/ai_models.hpp"
#include "resource_capacity.hpp"
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

} // namespace costgate::policy
