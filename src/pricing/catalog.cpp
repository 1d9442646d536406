#include "costgate/pricing/catalog.hpp"

#include "catalog_pack.hpp"
#include "costgate/model/error.hpp"
#include "costgate/util/csv.hpp"
#include "costgate/util/date.hpp"
#include "costgate/util/embedded_files.hpp"
#include "costgate/util/glob.hpp"
#include "costgate/util/yaml_map.hpp"
#include "overlay_check.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <cstdio>

namespace costgate::pricing {

namespace {

constexpr std::array<std::string_view, 10> k_columns = {
    "provider", "service", "product", "region",        "unit",
    "price",    "terms",   "source",  "source_detail", "as_of"};

double parse_price(std::string_view name, int line, const std::string& text) {
    double value = 0.0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (error != std::errc() || end != text.data() + text.size() || !std::isfinite(value) ||
        value < 0)
        throw InputError({std::string(name), line, 0, {}},
                         "price \"" + text + "\" is not a non-negative number");
    return value;
}

} // namespace

std::vector<std::string> PriceEntry::csv_fields() const {
    char number[32];
    std::snprintf(number, sizeof number, "%.10g", price);
    return {provider, service, product, region, unit, number, terms, source, source_detail, as_of};
}

std::vector<std::string> Catalog::csv_header() {
    return {k_columns.begin(), k_columns.end()};
}

std::string PriceEntry::key() const {
    return provider + '/' + service + '/' + product + '/' + region;
}

std::optional<PriceKey> split_price_key(std::string_view key) {
    const std::size_t service = key.find('/');
    const std::size_t product =
        service == std::string_view::npos ? service : key.find('/', service + 1);
    const std::size_t region = key.rfind('/');
    if (product == std::string_view::npos || region <= product)
        return std::nullopt;
    return PriceKey{std::string(key.substr(0, service)),
                    std::string(key.substr(service + 1, product - service - 1)),
                    std::string(key.substr(product + 1, region - product - 1)),
                    std::string(key.substr(region + 1))};
}

Catalog::Catalog() = default;
Catalog::~Catalog() = default;

Catalog::Catalog(Catalog&& other) noexcept
    : m_unparsed(std::move(other.m_unparsed)), m_packs(std::move(other.m_packs)),
      m_entries(std::move(other.m_entries)), m_all_listed(other.m_all_listed),
      m_version(std::move(other.m_version)), m_as_of(std::move(other.m_as_of)),
      m_currency(std::move(other.m_currency)),
      m_currency_origin(std::move(other.m_currency_origin)),
      m_discounts(std::move(other.m_discounts)),
      m_cluster_defaults(std::move(other.m_cluster_defaults)) {}

Catalog& Catalog::operator=(Catalog&& other) noexcept {
    m_unparsed = std::move(other.m_unparsed);
    m_packs = std::move(other.m_packs);
    m_all_listed = other.m_all_listed;
    m_entries = std::move(other.m_entries);
    m_version = std::move(other.m_version);
    m_as_of = std::move(other.m_as_of);
    m_currency = std::move(other.m_currency);
    m_currency_origin = std::move(other.m_currency_origin);
    m_discounts = std::move(other.m_discounts);
    m_cluster_defaults = std::move(other.m_cluster_defaults);
    return *this;
}

Catalog Catalog::embedded() {
    Catalog catalog;
    constexpr std::string_view k_folder = "src/pricing/catalog/";
    for (const util::EmbeddedFile& embedded : util::embedded_files()) {
        if (!embedded.name.starts_with(k_folder))
            continue;
        const util::EmbeddedFile file{embedded.name.substr(k_folder.size()), embedded.contents};
        if (file.name == "cluster_profiles.yaml") {
            util::YamlMap map = util::load_versioned_document(std::string(embedded.name),
                                                              file.contents, "cluster profiles");
            catalog.add_cluster_profiles(std::string(embedded.name), map.get("cluster_profiles"));
            map.finish();
        } else if (file.name == "manifest.yaml") {
            const YAML::Node manifest = YAML::Load(std::string(file.contents));
            catalog.m_version = manifest["version"].as<std::string>();
            catalog.m_as_of = manifest["as_of"].as<std::string>();
            catalog.m_currency = manifest["currency"].as<std::string>();
        } else if (file.name.ends_with(".pack")) {
            // aws_ec2.pack holds provider "aws", service "ec2".
            const std::string_view stem = file.name.substr(0, file.name.size() - 5);
            const std::size_t underscore = stem.find('_');
            std::string key(stem);
            key[underscore] = '/';
            catalog.m_unparsed.emplace(std::move(key), file.contents);
        }
    }
    return catalog;
}

void Catalog::add_csv(std::string_view name, std::string_view csv) {
    std::lock_guard lock(m_mutex);
    set_currency("USD", name);
    add_rows(name, csv);
}

void Catalog::add_overlay(std::string_view name, std::string_view text) {
    if (name.ends_with(".yaml") || name.ends_with(".yml")) {
        std::lock_guard lock(m_mutex);
        add_yaml_overlay(name, text);
    } else {
        add_csv(name, text);
    }
}

void Catalog::set_currency(const std::string& currency, std::string_view name) {
    if (currency == m_currency)
        return;
    if (m_currency_origin != "the embedded catalog")
        throw InputError({std::string(name)}, "currency " + currency + " conflicts with " +
                                                  m_currency + " from " + m_currency_origin);
    // Embedded prices are USD; another currency means every price must come from overlays.
    m_unparsed.clear();
    m_packs.clear();
    std::erase_if(m_entries, [](const auto& item) { return !item.second.overlay; });
    m_currency = currency;
    m_currency_origin = std::string(name);
}

void Catalog::apply_discount(PriceEntry& entry) const {
    if (entry.overlay)
        return;
    for (auto discount = m_discounts.rbegin(); discount != m_discounts.rend(); ++discount) {
        if (discount->provider != entry.provider ||
            !util::glob_match(discount->service, entry.service) ||
            !util::glob_match(discount->product, entry.product))
            continue;
        char percent[32];
        std::snprintf(percent, sizeof percent, "%g", discount->percent);
        entry.price *= 1 - discount->percent / 100;
        entry.adjustment = std::string("less ") + percent + "%: " + discount->reason;
        return;
    }
}

const CatalogPack* Catalog::load_embedded(std::string_view provider_service) const {
    const auto opened = m_packs.find(provider_service);
    if (opened != m_packs.end())
        return opened->second.get();
    const auto found = m_unparsed.find(provider_service);
    if (found == m_unparsed.end())
        return nullptr;
    const std::string name = found->first + " (embedded)";
    auto pack = std::make_unique<CatalogPack>(name, found->second);
    m_unparsed.erase(found);
    return m_packs.emplace(std::string(provider_service), std::move(pack)).first->second.get();
}

void Catalog::add_rows(std::string_view name, std::string_view csv) {
    std::vector<util::CsvRow> rows = util::parse_csv(name, csv);
    if (rows.empty())
        throw InputError({std::string(name)}, "catalog has no header row");
    std::vector<std::string> expected(k_columns.begin(), k_columns.end());
    if (rows.front().fields != expected)
        throw InputError({std::string(name), rows.front().line},
                         "catalog header must be: provider,service,product,region,unit,price,"
                         "terms,source,source_detail,as_of");
    OverlayCheck overlay_check;
    for (std::size_t r = 1; r < rows.size(); ++r) {
        util::CsvRow& row = rows[r];
        const SourceLocation where{std::string(name), row.line};
        if (row.fields.size() != k_columns.size())
            throw InputError(where, "expected " + std::to_string(k_columns.size()) +
                                        " fields, found " + std::to_string(row.fields.size()));
        for (std::size_t column : {0, 1, 2, 3, 4, 7})
            if (row.fields[column].empty())
                throw InputError(where, std::string(k_columns[column]) + " is empty");
        const double price = parse_price(name, row.line, row.fields[5]);
        std::vector<std::string>& fields = row.fields;
        PriceEntry entry{std::move(fields[0]),
                         std::move(fields[1]),
                         std::move(fields[2]),
                         std::move(fields[3]),
                         std::move(fields[4]),
                         price,
                         std::move(fields[6]),
                         std::move(fields[7]),
                         std::move(fields[8]),
                         std::move(fields[9]),
                         true,
                         {}};
        if (!util::Date::parse(entry.as_of))
            throw InputError(where, "as_of \"" + entry.as_of + "\" is not a YYYY-MM-DD date");
        overlay_check.check(entry, where);
        std::string key = entry.key();
        m_entries.insert_or_assign(std::move(key), std::move(entry));
    }
}

const std::map<std::string, PriceEntry>& Catalog::entries() const {
    std::lock_guard lock(m_mutex);
    if (m_all_listed)
        return m_entries;
    while (!m_unparsed.empty())
        load_embedded(std::string(m_unparsed.begin()->first));
    m_all_listed = true;
    for (const auto& [name, pack] : m_packs) {
        for (PriceEntry& entry : pack->all()) {
            apply_discount(entry);
            std::string key = entry.key();
            m_entries.emplace(std::move(key), std::move(entry)); // overlays keep their rows
        }
    }
    return m_entries;
}

const PriceEntry* Catalog::find(std::string_view provider, std::string_view service,
                                std::string_view product, std::string_view region) const {
    std::string key;
    key.reserve(provider.size() + service.size() + product.size() + region.size() + 3);
    key.append(provider).append("/").append(service);
    std::lock_guard lock(m_mutex);
    const CatalogPack* pack = load_embedded(key);
    key.append("/").append(product).append("/").append(region);
    const auto found = m_entries.find(key);
    if (found != m_entries.end())
        return &found->second;
    if (!pack)
        return nullptr;
    std::optional<PriceEntry> entry = pack->find(product, region);
    if (!entry)
        return nullptr;
    apply_discount(*entry);
    return &m_entries.emplace(std::move(key), std::move(*entry)).first->second;
}

std::vector<std::string> Catalog::regions_of(std::string_view provider, std::string_view service,
                                             std::string_view product) const {
    std::string prefix;
    prefix.append(provider).append("/").append(service);
    std::lock_guard lock(m_mutex);
    const CatalogPack* pack = load_embedded(prefix);
    std::vector<std::string> regions =
        pack ? pack->regions_of(product) : std::vector<std::string>();
    // Overlay rows (and embedded rows looked up before, which are already in the list).
    prefix.append("/").append(product).append("/");
    for (auto found = m_entries.lower_bound(prefix);
         found != m_entries.end() && found->first.starts_with(prefix); ++found)
        regions.push_back(found->first.substr(prefix.size()));
    std::sort(regions.begin(), regions.end());
    regions.erase(std::unique(regions.begin(), regions.end()), regions.end());
    return regions;
}

} // namespace costgate::pricing
