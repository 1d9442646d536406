#include "costgate/pricing/catalog.hpp"

#include "costgate/embedded_files.hpp"
#include "costgate/error.hpp"
#include "costgate/policy/date.hpp"
#include "csv.hpp"

#include <array>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <yaml-cpp/yaml.h>

namespace costgate {

namespace {

constexpr std::array<std::string_view, 10> k_columns = {
    "provider", "service", "product", "region", "unit", "price", "terms", "source",
    "source_detail", "as_of"};

double parse_price(std::string_view name, int line, const std::string& text) {
    double value = 0.0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (error != std::errc() || end != text.data() + text.size() || !std::isfinite(value) || value < 0)
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

std::vector<std::string> Catalog::csv_header() { return {k_columns.begin(), k_columns.end()}; }

std::string PriceEntry::key() const { return provider + '/' + service + '/' + product + '/' + region; }

Catalog::Catalog(Catalog&& other) noexcept
    : m_unparsed(std::move(other.m_unparsed)), m_entries(std::move(other.m_entries)),
      m_version(std::move(other.m_version)), m_as_of(std::move(other.m_as_of)),
      m_currency(std::move(other.m_currency)) {}

Catalog& Catalog::operator=(Catalog&& other) noexcept {
    m_unparsed = std::move(other.m_unparsed);
    m_entries = std::move(other.m_entries);
    m_version = std::move(other.m_version);
    m_as_of = std::move(other.m_as_of);
    m_currency = std::move(other.m_currency);
    return *this;
}

Catalog Catalog::embedded() {
    Catalog catalog;
    for (const EmbeddedFile& file : embedded_files()) {
        if (file.name == "manifest.yaml") {
            const YAML::Node manifest = YAML::Load(std::string(file.contents));
            catalog.m_version = manifest["version"].as<std::string>();
            catalog.m_as_of = manifest["as_of"].as<std::string>();
            catalog.m_currency = manifest["currency"].as<std::string>();
        } else if (file.name.ends_with(".csv")) {
            // aws_ec2.csv holds provider "aws", service "ec2".
            const std::string_view stem = file.name.substr(0, file.name.size() - 4);
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
    add_rows(m_entries, name, csv, true);
}

void Catalog::load_embedded(const std::string& provider_service) const {
    const auto found = m_unparsed.find(provider_service);
    if (found == m_unparsed.end())
        return;
    const std::string name = provider_service + " (embedded)";
    add_rows(m_entries, name, found->second, false);
    m_unparsed.erase(found);
}

void Catalog::add_rows(std::map<std::string, PriceEntry>& entries, std::string_view name,
                       std::string_view csv, bool replace) {
    const std::vector<CsvRow> rows = parse_csv(name, csv);
    if (rows.empty())
        throw InputError({std::string(name)}, "catalog has no header row");
    std::vector<std::string> expected(k_columns.begin(), k_columns.end());
    if (rows.front().fields != expected)
        throw InputError({std::string(name), rows.front().line},
                         "catalog header must be: provider,service,product,region,unit,price,"
                         "terms,source,source_detail,as_of");
    for (std::size_t r = 1; r < rows.size(); ++r) {
        const CsvRow& row = rows[r];
        const SourceLocation where{std::string(name), row.line};
        if (row.fields.size() != k_columns.size())
            throw InputError(where, "expected " + std::to_string(k_columns.size()) + " fields, found " +
                                        std::to_string(row.fields.size()));
        for (std::size_t column : {0, 1, 2, 3, 4, 7})
            if (row.fields[column].empty())
                throw InputError(where, std::string(k_columns[column]) + " is empty");
        PriceEntry entry{row.fields[0], row.fields[1], row.fields[2], row.fields[3],
                         row.fields[4], parse_price(name, row.line, row.fields[5]),
                         row.fields[6], row.fields[7], row.fields[8], row.fields[9]};
        if (!Date::parse(entry.as_of))
            throw InputError(where, "as_of \"" + entry.as_of + "\" is not a YYYY-MM-DD date");
        std::string key = entry.key();
        if (replace)
            entries.insert_or_assign(std::move(key), std::move(entry));
        else
            entries.emplace(std::move(key), std::move(entry));
    }
}

const std::map<std::string, PriceEntry>& Catalog::entries() const {
    std::lock_guard lock(m_mutex);
    while (!m_unparsed.empty())
        load_embedded(m_unparsed.begin()->first);
    return m_entries;
}

const PriceEntry* Catalog::find(std::string_view provider, std::string_view service,
                                std::string_view product, std::string_view region) const {
    std::string key;
    key.reserve(provider.size() + service.size() + product.size() + region.size() + 3);
    key.append(provider).append("/").append(service);
    std::lock_guard lock(m_mutex);
    load_embedded(key);
    key.append("/").append(product).append("/").append(region);
    const auto found = m_entries.find(key);
    return found == m_entries.end() ? nullptr : &found->second;
}

} // namespace costgate
