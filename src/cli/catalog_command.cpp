#include "commands.hpp"
#include "costgate/model/error.hpp"
#include "costgate/pricing/catalog.hpp"
#include "costgate/pricing/catalog_coverage.hpp"
#include "costgate/util/csv.hpp"
#include "costgate/util/input_file.hpp"

#include <algorithm>
#include <cstdio>
#include <iostream>
#include <memory>

namespace costgate::cli {

namespace {

struct CatalogOptions {
    std::vector<std::string> overlays;
    std::string provider;
    std::string service;
    std::string key;
};

pricing::Catalog load(const CatalogOptions& options) {
    pricing::Catalog catalog = pricing::Catalog::embedded();
    for (const std::string& path : options.overlays) {
        const util::InputText overlay = util::read_input(path);
        catalog.add_overlay(overlay.name, overlay.text);
    }
    return catalog;
}

std::string price_text(double price) {
    char text[32];
    std::snprintf(text, sizeof text, "%.10g", price);
    return text;
}

void list(const CatalogOptions& options) {
    const pricing::Catalog catalog = load(options);
    for (const auto& [key, entry] : catalog.entries()) {
        if ((!options.provider.empty() && entry.provider != options.provider) ||
            (!options.service.empty() && entry.service != options.service))
            continue;
        std::cout << key << "  " << price_text(entry.price) << " " << catalog.currency() << "/"
                  << entry.unit << "  " << entry.as_of << '\n';
    }
}

void show(const CatalogOptions& options) {
    const pricing::Catalog catalog = load(options);
    // provider/service/product/region: a lookup opens one service, not the whole catalog.
    const auto key = pricing::split_price_key(options.key);
    const pricing::PriceEntry* found =
        key ? catalog.find(key->provider, key->service, key->product, key->region) : nullptr;
    if (!found)
        throw UsageError(
            "no price with key \"" + options.key +
            "\" (keys are provider/service/product/region; see `costgate catalog list`)");
    const pricing::PriceEntry& entry = *found;
    const std::vector<std::string> names = pricing::Catalog::csv_header();
    const std::vector<std::string> values = entry.csv_fields();
    std::cout << "key: " << entry.key() << '\n';
    for (std::size_t i = 0; i < names.size(); ++i)
        std::cout << names[i] << ": " << values[i] << '\n';
    std::cout << "currency: " << catalog.currency() << '\n';
    if (!entry.adjustment.empty())
        std::cout << "adjustment: " << entry.adjustment << '\n';
}

void export_csv(const CatalogOptions& options) {
    const pricing::Catalog catalog = load(options);
    std::cout << util::format_csv_row(pricing::Catalog::csv_header());
    for (const auto& [key, entry] : catalog.entries())
        std::cout << util::format_csv_row(entry.csv_fields());
}

// One line a priced type: type, how it is priced, its region count, its services, and
// the prices the catalog has nowhere.
void coverage(const CatalogOptions& options) {
    const pricing::Catalog catalog = load(options);
    const std::vector<pricing::TypeCoverage> types = pricing::catalog_coverage(catalog);
    std::size_t width = 4;
    for (const pricing::TypeCoverage& type : types)
        width = std::max(width, type.type.size());
    const auto join = [](const std::vector<std::string>& items) {
        std::string text;
        for (const std::string& item : items)
            text += (text.empty() ? "" : ", ") + item;
        return text;
    };
    std::printf("%-*s  %-9s  %7s  %s\n", static_cast<int>(width), "TYPE", "PRICED BY", "REGIONS",
                "SERVICES");
    for (const pricing::TypeCoverage& type : types) {
        const bool named = type.regions.size() == 1 &&
                           (type.regions.front() == "any" || type.regions.front() == "global");
        const std::string regions =
            named ? type.regions.front() : std::to_string(type.regions.size());
        std::string services = join(type.services);
        if (!type.missing.empty())
            services += "; no price anywhere: " + join(type.missing);
        std::printf("%-*s  %-9s  %7s  %s\n", static_cast<int>(width), type.type.c_str(),
                    type.priced_by.c_str(), regions.c_str(), services.c_str());
    }
}

} // namespace

void add_catalog_command(CLI::App& command, int& exit_code) {
    auto options = std::make_shared<CatalogOptions>();
    command.require_subcommand(1);
    command
        .add_option("--catalog", options->overlays,
                    "Price overlay (CSV or YAML); repeatable, later files win")
        ->type_name("FILE");

    CLI::App* list_command =
        command.add_subcommand("list", "List prices: key, price per unit, as-of date");
    list_command->add_option("--provider", options->provider,
                             "Only this provider (aws, gcp, azure)");
    list_command->add_option("--service", options->service, "Only this service (ec2, rds, ...)");
    list_command->callback([options, &exit_code] {
        list(*options);
        exit_code = 0;
    });

    CLI::App* show_command =
        command.add_subcommand("show", "Show one price with its source and date");
    show_command->add_option("KEY", options->key, "provider/service/product/region")->required();
    show_command->callback([options, &exit_code] {
        show(*options);
        exit_code = 0;
    });

    CLI::App* coverage_command = command.add_subcommand(
        "coverage",
        "List the priced resource types and in how many regions the catalog prices them");
    coverage_command->callback([options, &exit_code] {
        coverage(*options);
        exit_code = 0;
    });

    CLI::App* export_command =
        command.add_subcommand("export", "Print the whole merged catalog as CSV");
    export_command->callback([options, &exit_code] {
        export_csv(*options);
        exit_code = 0;
    });
}

} // namespace costgate::cli
