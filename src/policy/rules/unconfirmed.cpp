#include "unconfirmed.hpp"

#include "rule_options.hpp"

#include <algorithm>

namespace costgate::policy {

namespace {

// A finding names this many resources and counts the rest, so that a plan with hundreds
// of unpriced resources still gives a readable message.
constexpr std::size_t k_listed_resources = 5;
constexpr std::size_t k_listed_parts = 3;

std::string resource_entry(const PricedResource& priced) {
    std::vector<std::string> parts;
    for (const UnpricedComponent& part : priced.estimate.unpriced)
        if (parts.size() < k_listed_parts &&
            std::find(parts.begin(), parts.end(), part.name) == parts.end())
            parts.push_back(part.name);
    const std::size_t more = priced.estimate.unpriced.size() > k_listed_parts
                                 ? priced.estimate.unpriced.size() - k_listed_parts
                                 : 0;
    if (parts.empty())
        return priced.resource.address;
    return priced.resource.address + " (" + join_list(parts) +
           (more ? " and " + std::to_string(more) + " more" : "") + ")";
}

} // namespace

bool unconfirmed(bool over_limit, FigureUnknowns unknowns) {
    return (unknowns.more && !over_limit) || (unknowns.less && over_limit) ||
           (unknowns.more && unknowns.less);
}

std::string figure_text(Money value, FigureUnknowns unknowns, const std::string& currency) {
    const std::string amount = format_money(value, currency);
    if (unknowns.more && unknowns.less)
        return amount + " for the priced parts";
    if (unknowns.more)
        return "at least " + amount;
    if (unknowns.less)
        return "at most " + amount;
    return amount;
}

std::string unpriced_resources_text(const std::vector<const PricedResource*>& resources) {
    std::vector<std::string> entries;
    for (std::size_t i = 0; i < resources.size() && i < k_listed_resources; ++i)
        entries.push_back(resource_entry(*resources[i]));
    std::string text = std::to_string(resources.size()) +
                       (resources.size() == 1 ? " resource" : " resources") +
                       " not fully priced: " + join_list(entries);
    if (resources.size() > k_listed_resources)
        text += " and " + std::to_string(resources.size() - k_listed_resources) + " more";
    return text;
}

Severity when_incomplete_option(util::YamlMap& map) {
    return severity_option(map, "when_incomplete").value_or(Severity::warn);
}

} // namespace costgate::policy
