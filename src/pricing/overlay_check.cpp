#include "overlay_check.hpp"

#include "catalog_pack.hpp"
#include "costgate/util/embedded_files.hpp"

#include <cstdio>

namespace costgate::pricing {

namespace {

constexpr std::string_view k_catalog_folder = "src/pricing/catalog/";
constexpr double k_hours_per_month = 730;
constexpr double k_max_unit_price = 1e6;

// The providers the embedded catalog prices: the prefixes of its `<provider>_<service>.pack`.
bool is_known_provider(std::string_view provider) {
    for (const util::EmbeddedFile& file : util::embedded_files())
        if (file.name.starts_with(k_catalog_folder) && file.name.ends_with(".pack") &&
            file.name.substr(k_catalog_folder.size()).starts_with(std::string(provider) + "_"))
            return true;
    return false;
}

std::string known_providers() {
    std::set<std::string> names;
    for (const util::EmbeddedFile& file : util::embedded_files())
        if (file.name.starts_with(k_catalog_folder) && file.name.ends_with(".pack")) {
            const std::string_view stem = file.name.substr(k_catalog_folder.size());
            names.emplace(stem.substr(0, stem.find('_')));
        }
    std::string text;
    for (const std::string& name : names)
        text += (text.empty() ? "" : ", ") + name;
    return text;
}

// `hour` / `month`, `GB-hour` / `GB-month`: the same unit over another time, and the
// factor that turns a price per `from` into a price per `to`.
std::optional<double> time_factor(const std::string& from, const std::string& to) {
    const auto split = [](const std::string& unit) -> std::pair<std::string, std::string> {
        for (const char* period : {"hour", "month"})
            if (unit == period)
                return {"", period};
            else if (unit.ends_with(std::string("-") + period))
                return {unit.substr(0, unit.size() - std::string(period).size()), period};
        return {unit, ""};
    };
    const auto [from_base, from_period] = split(from);
    const auto [to_base, to_period] = split(to);
    if (from_period.empty() || to_period.empty() || from_base != to_base ||
        from_period == to_period)
        return std::nullopt;
    return from_period == "month" ? 1 / k_hours_per_month : k_hours_per_month;
}

std::string written(double price) {
    char text[64];
    std::snprintf(text, sizeof text, "%.10g", price);
    return text;
}

std::string joined(const std::set<std::string>& units) {
    std::string text;
    for (const std::string& unit : units)
        text += (text.empty() ? "\"" : ", \"") + unit + "\"";
    return text;
}

} // namespace

const OverlayCheck::ServiceUnits& OverlayCheck::service_units(const std::string& provider,
                                                              const std::string& service) {
    const std::string name = std::string(k_catalog_folder) + provider + "_" + service + ".pack";
    const auto [found, added] = m_services.try_emplace(name);
    if (!added)
        return found->second;
    ServiceUnits& units = found->second;
    if (const util::EmbeddedFile* file = util::find_embedded_file(name)) {
        units.known = true;
        for (const PriceEntry& row : CatalogPack(name, file->contents).all()) {
            units.all.insert(row.unit);
            units.by_product[row.product].insert(row.unit);
        }
    }
    return units;
}

void OverlayCheck::check(PriceEntry& entry, const SourceLocation& where) {
    const std::string key = entry.key();
    if (const auto [known, added] = m_keys.emplace(key, where); !added)
        throw InputError(where, "the price of " + key +
                                    " is given twice in this overlay (also at " +
                                    known->second.to_string() + ")");
    if (!is_known_provider(entry.provider))
        throw InputError(where, "unknown provider \"" + entry.provider + "\" (costgate prices " +
                                    known_providers() + ")");
    if (entry.price >= k_max_unit_price)
        throw InputError(where, "price " + written(entry.price) + " for " + key +
                                    " is not below 1,000,000 a unit: is it in the right unit?");
    const ServiceUnits& units = service_units(entry.provider, entry.service);
    // A service the embedded catalog lacks (a cluster profile of the user's own) has no
    // unit to check against: costgate takes the overlay's.
    if (!units.known)
        return;
    const auto product = units.by_product.find(entry.product);
    const std::set<std::string>& expected =
        product != units.by_product.end() ? product->second : units.all;
    if (expected.contains(entry.unit))
        return;
    for (const std::string& unit : expected)
        if (const auto factor = time_factor(entry.unit, unit)) {
            entry.adjustment = "converted from " + written(entry.price) + " per " + entry.unit;
            entry.price *= *factor;
            entry.unit = unit;
            return;
        }
    throw InputError(where, "unit \"" + entry.unit + "\" for " + key + ": costgate prices " +
                                (product != units.by_product.end()
                                     ? "this product"
                                     : entry.provider + "/" + entry.service) +
                                " per " + joined(expected) +
                                " (write the price in that unit; hours and months convert)");
}

} // namespace costgate::pricing
