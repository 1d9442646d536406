#include "incomplete_text.hpp"

namespace costgate::report::text {

std::string bounded_money(Money amount, bool may_be_more, bool may_be_less,
                          const std::string& currency, bool with_sign) {
    const std::string figure = format_money(amount, currency, with_sign);
    if (may_be_more && may_be_less)
        return figure + " for the priced parts";
    if (may_be_more)
        return "at least " + figure;
    if (may_be_less)
        return "at most " + figure;
    return figure;
}

std::string total_after(const CostTotals& totals, const std::string& currency) {
    return bounded_money(totals.monthly_after, totals.unknowns.after, false, currency);
}

std::string total_delta(const CostTotals& totals, const std::string& currency) {
    return bounded_money(totals.monthly_delta, totals.unknowns.delta_up, totals.unknowns.delta_down,
                         currency, true);
}

std::string unpriced_summary(const CostTotals& totals) {
    if (totals.complete())
        return "";
    return std::to_string(totals.unpriced) +
           (totals.unpriced == 1 ? " resource unpriced" : " resources unpriced") +
           (totals.partial > 0 ? " (" + std::to_string(totals.partial) + " partly priced)" : "");
}

std::vector<UnpricedEntry> unpriced_entries(const Estimate& estimate) {
    std::vector<UnpricedEntry> entries;
    for (const PricedResource& priced : estimate.resources) {
        const ResourceEstimate& resource = priced.estimate;
        if (resource.priced)
            continue;
        entries.push_back({priced.resource.address,
                           resource.partial ? resource.monthly_after : std::nullopt,
                           unpriced_reasons(resource)});
    }
    return entries;
}

} // namespace costgate::report::text
