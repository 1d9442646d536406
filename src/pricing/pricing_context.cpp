#include "costgate/model/error.hpp"
#include "costgate/pricing/pricer.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace costgate::pricing {

namespace {

// Money::from_double's range.
constexpr double k_max_monthly_cost = 9e12;

// quantity × price, fixed as Money. A quantity that is negative or not finite, or a cost
// beyond Money's range, comes from absurd input (a negative size, 1e308 replicas): it is
// bad input, never a negative or silently clipped cost. The estimator adds the resource.
Money cost_of(const std::string& component, double quantity, double price) {
    const std::string text = format_amount(quantity);
    if (!std::isfinite(quantity) || quantity < 0)
        throw InputError({}, component + ": quantity " + text + " is negative or not a number");
    const double amount = quantity * price;
    if (!std::isfinite(amount) || std::fabs(amount) > k_max_monthly_cost)
        throw InputError({}, component + ": quantity " + text +
                                 " makes a monthly cost beyond 9 trillion");
    return Money::from_double(amount);
}

// A discounted list price names its discount next to its source.
std::string source_of(const PriceEntry& entry) {
    return entry.adjustment.empty() ? entry.source : entry.source + " (" + entry.adjustment + ")";
}

} // namespace

ResourcesByType::ResourcesByType(const std::vector<Resource>& resources) {
    for (const Resource& resource : resources)
        m_by_type[resource.type].push_back(&resource);
}

const std::vector<const Resource*>& ResourcesByType::of_type(std::string_view type) const {
    static const std::vector<const Resource*> k_none;
    const auto found = m_by_type.find(type);
    return found == m_by_type.end() ? k_none : found->second;
}

const std::vector<const Resource*>& PricingContext::resources_of_type(std::string_view type) const {
    if (!m_by_type) {
        if (!m_own_by_type)
            m_own_by_type.emplace(m_resources);
        return m_own_by_type->of_type(type);
    }
    return m_by_type->of_type(type);
}

std::string format_amount(double value, int significant_digits) {
    char text[32];
    std::snprintf(text, sizeof text, "%.*g", significant_digits, value);
    return text;
}

void mark_unknown(StateCost& cost, std::string_view attribute) {
    cost.add_unpriced(std::string(attribute), std::string(attribute) + " is not known until apply");
}

const PriceEntry* PricingContext::lookup(StateCost& cost, const std::string& name,
                                         std::string_view service, std::string_view product,
                                         std::string_view fixed_region) const {
    const std::string_view region = fixed_region.empty() ? m_region : fixed_region;
    if (region.empty()) {
        cost.add_unpriced(name, "region unknown: set it on the provider or pass --region");
        return nullptr;
    }
    const PriceEntry* entry = m_catalog.find(m_provider, service, product, region);
    if (!entry) {
        const std::string key = m_provider + "/" + std::string(service) + "/" +
                                std::string(product) + "/" + std::string(region);
        cost.add_unpriced(name, "no price in the catalog for " + key, key);
    }
    return entry;
}

bool PricingContext::has_price(std::string_view service, std::string_view product,
                               std::string_view region) const {
    const std::string_view where = region.empty() ? std::string_view(m_region) : region;
    return !where.empty() && m_catalog.find(m_provider, service, product, where) != nullptr;
}

void PricingContext::add(StateCost& cost, std::string name, std::string unit,
                         double monthly_quantity, std::string_view service,
                         std::string_view product, std::string_view region) const {
    const PriceEntry* entry = lookup(cost, name, service, product, region);
    if (!entry)
        return;
    const Money monthly_cost = cost_of(name, monthly_quantity, entry->price);
    cost.components.push_back({std::move(name), std::move(unit), monthly_quantity, entry->price,
                               monthly_cost, false, entry->key(), source_of(*entry), entry->as_of});
}

void PricingContext::add_cluster_rate(StateCost& cost, std::string name,
                                      std::optional<double> amount,
                                      std::string_view product) const {
    const PriceEntry* entry = m_catalog.find("k8s", m_cluster_profile, product, "any");
    if (!entry) {
        const std::string key = "k8s/" + m_cluster_profile + "/" + std::string(product) + "/any";
        cost.add_unpriced(name,
                          "cluster profile \"" + m_cluster_profile + "\" has no " +
                              std::string(product) + " rate (" + key + ")",
                          key);
        return;
    }
    // Rates are per unit-hour or per unit-month; a running workload uses 730 hours a month.
    const bool hourly = entry->unit == "hour" || entry->unit.ends_with("-hour");
    const std::string unit = entry->unit == "hour" || entry->unit == "month"
                                 ? (hourly ? "hours" : "months")
                                 : entry->unit + "s";
    std::optional<double> quantity;
    if (amount)
        quantity = *amount * (hourly ? k_hours_per_month : 1);
    CostComponent component{
        std::move(name),     unit,         quantity,          entry->price, std::nullopt,
        !amount.has_value(), entry->key(), source_of(*entry), entry->as_of};
    if (quantity)
        component.monthly_cost = cost_of(component.name, *quantity, entry->price);
    cost.components.push_back(std::move(component));
}

std::optional<double> PricingContext::usage(std::string_view key) const {
    return m_usage.value(m_resource.address, m_resource.type, key);
}

std::optional<std::string> PricingContext::usage_text(std::string_view key) const {
    return m_usage.text(m_resource.address, m_resource.type, key);
}

namespace {

// The state of `resource` that will exist: the after state, else the before state (a delete).
const std::optional<JsonTree>& current_state(const Resource& resource) {
    return resource.after ? resource.after : resource.before;
}

// The current state of the one candidate `matches` accepts; absent when none or several do.
template <typename Matches>
JsonValue only_state(const std::vector<const Resource*>& candidates, Matches matches) {
    const Resource* only = nullptr;
    for (const Resource* candidate : candidates) {
        if (!matches(*candidate))
            continue;
        if (only)
            return {};
        only = candidate;
    }
    if (!only)
        return {};
    const auto& state = current_state(*only);
    if (!state)
        return {};
    return *state;
}

} // namespace

JsonValue PricingContext::find_state(std::string_view type, std::string_view attribute,
                                     std::string_view value) const {
    for (const Resource* candidate : resources_of_type(type)) {
        const auto& state = current_state(*candidate);
        if (state && state->root().find(attribute).is_string(value))
            return *state;
    }
    return {};
}

JsonValue PricingContext::referenced_state(std::string_view attribute,
                                           std::string_view type) const {
    const auto found = m_resource.references.find(std::string(attribute));
    if (found == m_resource.references.end())
        return {};
    return only_state(resources_of_type(type), [&found](const Resource& candidate) {
        return std::ranges::find(found->second, candidate.address) != found->second.end();
    });
}

JsonValue PricingContext::referring_state(std::string_view type, std::string_view attribute) const {
    return only_state(resources_of_type(type), [this, attribute](const Resource& candidate) {
        const auto found = candidate.references.find(std::string(attribute));
        return found != candidate.references.end() &&
               std::ranges::find(found->second, m_resource.address) != found->second.end();
    });
}

void PricingContext::add_usage(StateCost& cost, std::string name, std::string unit,
                               std::optional<double> monthly_quantity, std::string_view service,
                               std::string_view product, std::string_view region) const {
    const PriceEntry* entry = lookup(cost, name, service, product, region);
    if (!entry)
        return;
    CostComponent component{std::move(name), std::move(unit),   monthly_quantity,
                            entry->price,    std::nullopt,      true,
                            entry->key(),    source_of(*entry), entry->as_of};
    if (monthly_quantity)
        component.monthly_cost = cost_of(component.name, *monthly_quantity, entry->price);
    cost.components.push_back(std::move(component));
}

} // namespace costgate::pricing
