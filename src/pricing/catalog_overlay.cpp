#include "costgate/model/error.hpp"
#include "costgate/model/quantity.hpp"
#include "costgate/pricing/catalog.hpp"
#include "costgate/util/date.hpp"
#include "costgate/util/yaml_map.hpp"
#include "overlay_check.hpp"

#include <algorithm>

namespace costgate::pricing {

namespace {

PriceEntry read_price(const std::string& file, const YAML::Node& node) {
    util::YamlMap map(file, node, "price");
    PriceEntry entry;
    entry.provider = map.required_string("provider");
    entry.service = map.required_string("service");
    entry.product = map.required_string("product");
    entry.region = map.required_string("region");
    entry.unit = map.required_string("unit");
    const YAML::Node price = map.get("price");
    if (!price.IsDefined())
        map.fail("price is missing \"price\"");
    entry.price = util::yaml_number(map, price, "\"price\"");
    if (entry.price < 0)
        map.fail(price, "\"price\" must not be negative");
    entry.source = map.required_string("source");
    entry.as_of = map.required_string("as_of");
    if (!util::Date::parse(entry.as_of))
        map.fail(map.get("as_of"), "as_of \"" + entry.as_of + "\" is not a YYYY-MM-DD date");
    entry.terms = map.optional_string("terms").value_or("");
    entry.source_detail = map.optional_string("source_detail").value_or("");
    entry.overlay = true;
    map.finish();
    return entry;
}

Discount read_discount(const std::string& file, const YAML::Node& node) {
    util::YamlMap map(file, node, "discount");
    Discount discount;
    discount.provider = map.required_string("provider");
    discount.service = map.optional_string("service").value_or("*");
    discount.product = map.optional_string("product").value_or("*");
    const YAML::Node percent = map.get("percent");
    if (!percent.IsDefined())
        map.fail("discount is missing \"percent\"");
    discount.percent = util::yaml_number(map, percent, "\"percent\"");
    if (discount.percent <= 0 || discount.percent >= 100)
        map.fail(percent, "\"percent\" must be above 0 and below 100");
    discount.reason = map.required_string("reason");
    map.finish();
    return discount;
}

// `{cpu: 500m, memory: 2Gi}`: Kubernetes quantities.
std::optional<double> request_quantity(util::YamlMap& map, const std::string& key, double unit) {
    const auto text = map.optional_string(key);
    if (!text)
        return std::nullopt;
    const auto value = parse_quantity(*text);
    if (!value || *value <= 0)
        map.fail(map.get(key),
                 "\"" + key + "\" must be a Kubernetes quantity above 0, found \"" + *text + "\"");
    return *value / unit;
}

ClusterDefaults read_cluster_defaults(const std::string& file, const YAML::Node& node) {
    util::YamlMap map(file, node, "cluster profile");
    ClusterDefaults defaults;
    const YAML::Node request = map.get("default_request");
    if (!request.IsDefined() || request.IsNull())
        map.fail("cluster profile is missing \"default_request\"");
    util::YamlMap request_map(file, request, "default_request");
    defaults.cpu_cores = request_quantity(request_map, "cpu", 1);
    defaults.memory_gib = request_quantity(request_map, "memory", 1024.0 * 1024.0 * 1024.0);
    request_map.finish();
    if (!defaults.cpu_cores && !defaults.memory_gib)
        map.fail(request, "\"default_request\" needs \"cpu\" or \"memory\"");
    defaults.source = map.required_string("source");
    defaults.source_detail = map.optional_string("source_detail").value_or("");
    defaults.as_of = map.required_string("as_of");
    if (!util::Date::parse(defaults.as_of))
        map.fail(map.get("as_of"), "as_of \"" + defaults.as_of + "\" is not a YYYY-MM-DD date");
    map.finish();
    return defaults;
}

} // namespace

void Catalog::add_cluster_profiles(const std::string& file, const YAML::Node& profiles) {
    if (!profiles.IsDefined() || profiles.IsNull())
        return;
    util::YamlMap map(file, profiles, "cluster_profiles");
    for (const auto& entry : map.entries())
        m_cluster_defaults.insert_or_assign(
            entry.first.Scalar(), read_cluster_defaults(file, map.get(entry.first.Scalar())));
    map.finish();
}

const ClusterDefaults* Catalog::cluster_defaults(std::string_view profile) const {
    const auto found = m_cluster_defaults.find(profile);
    return found == m_cluster_defaults.end() ? nullptr : &found->second;
}

bool Catalog::has_cluster_profile(std::string_view profile) const {
    if (m_cluster_defaults.contains(profile))
        return true;
    const std::string service = "k8s/" + std::string(profile);
    std::lock_guard lock(m_mutex);
    if (m_unparsed.contains(service) || m_packs.contains(service))
        return true;
    const std::string prefix = service + "/";
    const auto after = m_entries.lower_bound(prefix);
    return after != m_entries.end() && after->first.starts_with(prefix);
}

void Catalog::add_yaml_overlay(std::string_view name, std::string_view yaml) {
    const std::string file(name);
    util::YamlMap map = util::load_versioned_document(file, yaml, "catalog overlay");
    if (const auto currency = map.optional_string("currency")) {
        const bool iso_code =
            currency->size() == 3 && std::all_of(currency->begin(), currency->end(),
                                                 [](char c) { return c >= 'A' && c <= 'Z'; });
        if (!iso_code)
            map.fail(map.get("currency"), "currency must be an ISO 4217 code such as USD or EUR");
        set_currency(*currency, name);
    } else {
        set_currency("USD", name);
    }
    if (const YAML::Node prices = map.get("prices"); prices.IsDefined() && !prices.IsNull()) {
        if (!prices.IsSequence())
            map.fail(prices, "\"prices\" must be a list");
        OverlayCheck overlay_check;
        for (const YAML::Node& node : prices) {
            PriceEntry entry = read_price(file, node);
            overlay_check.check(entry, util::yaml_location(file, node));
            std::string key = entry.key();
            m_entries.insert_or_assign(std::move(key), std::move(entry));
        }
    }
    if (const YAML::Node discounts = map.get("discounts");
        discounts.IsDefined() && !discounts.IsNull()) {
        if (!discounts.IsSequence())
            map.fail(discounts, "\"discounts\" must be a list");
        for (const YAML::Node& node : discounts)
            m_discounts.push_back(read_discount(file, node));
        for (auto& [key, entry] : m_entries)
            if (entry.adjustment.empty())
                apply_discount(entry);
    }
    add_cluster_profiles(file, map.get("cluster_profiles"));
    map.finish();
}

} // namespace costgate::pricing
