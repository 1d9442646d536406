#include "costgate/pricing/catalog.hpp"

#include "costgate/embedded_files.hpp"
#include "costgate/error.hpp"
#include "costgate/policy/date.hpp"
#include "csv.hpp"

#include <array>
#include <charconv>
#include <cmath>
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

std::string PriceEntry::key() const { return provider + '/' + service + '/' + product + '/' + region; }

Catalog Catalog::embedded() {
    Catalog catalog;
    for (const EmbeddedFile& file : embedded_files()) {
        if (file.name.ends_with(".csv"))
            catalog.add_csv(file.name, file.contents);
        else if (file.name == "manifest.yaml")
            catalog.set_version(YAML::Load(std::string(file.contents))["version"].as<std::string>());
    }
    return catalog;
}

void Catalog::add_csv(std::string_view name, std::string_view csv) {
    const std::vector<CsvRow> rows = parse_csv(name, csv);
    if (rows.empty())
        throw InputError({std::string(name)}, "catalog has no header row");
    std::vector<std::string> expected(k_columns.begin(), k_columns.end());
    if (rows.front().fields != expected)
        throw InputError({std::string(name), rows.front().line, 0, {}},
                         "catalog header must be: provider,service,product,region,unit,price,"
                         "terms,source,source_detail,as_of");
    for (std::size_t r = 1; r < rows.size(); ++r) {
        const CsvRow& row = rows[r];
        const SourceLocation where{std::string(name), row.line, 0, {}};
        if (row.fields.size() != k_columns.size())
            throw InputError(where, "expected " + std::to_string(k_columns.size()) + " fields, found " +
                                        std::to_string(row.fields.size()));
        PriceEntry entry{row.fields[0], row.fields[1], row.fields[2], row.fields[3],
                         row.fields[4], parse_price(name, row.line, row.fields[5]),
                         row.fields[6], row.fields[7], row.fields[8], row.fields[9]};
        for (std::size_t column : {0, 1, 2, 3, 4, 7})
            if (row.fields[column].empty())
                throw InputError(where, std::string(k_columns[column]) + " is empty");
        if (!Date::parse(entry.as_of))
            throw InputError(where, "as_of \"" + entry.as_of + "\" is not a YYYY-MM-DD date");
        if (entry.as_of > m_as_of)
            m_as_of = entry.as_of;
        std::string key = entry.key();
        m_entries.insert_or_assign(std::move(key), std::move(entry));
    }
}

const PriceEntry* Catalog::find(const std::string& key) const {
    const auto found = m_entries.find(key);
    return found == m_entries.end() ? nullptr : &found->second;
}

const PriceEntry* Catalog::find(std::string_view provider, std::string_view service,
                                std::string_view product, std::string_view region) const {
    std::string key;
    key.reserve(provider.size() + service.size() + product.size() + region.size() + 3);
    key.append(provider).append("/").append(service).append("/").append(product).append("/").append(region);
    return find(key);
}

} // namespace costgate
