#include "pricers.hpp"

#include <cctype>
#include <regex>

namespace costgate::pricing::gcp {

namespace {

// Cloud SQL's defaults when `settings` leaves them out.
constexpr double k_default_disk_gb = 10;
// Predefined tiers have a fixed memory per vCPU, in GB.
constexpr double k_standard_gb_per_vcpu = 3.75;
constexpr double k_highmem_gb_per_vcpu = 6.5;
constexpr double k_mib_per_gb = 1024;

struct DedicatedShape {
    double vcpus = 0;
    double memory_gb = 0;
};

// `db-custom-2-7680` (vCPUs, MiB), `db-standard-4` / `db-n1-standard-4`,
// `db-highmem-8` / `db-n1-highmem-8`. Shared-core and Enterprise Plus tiers are not here.
std::optional<DedicatedShape> dedicated_shape(const std::string& tier) {
    // Tier names are short; std::regex recurses per character.
    if (tier.size() > 64)
        return std::nullopt;
    static const std::regex k_custom(R"(^db-custom-([0-9]+)-([0-9]+)$)");
    static const std::regex k_predefined(R"(^db-(?:n1-)?(standard|highmem)-([0-9]+)$)");
    std::smatch match;
    if (std::regex_match(tier, match, k_custom))
        return DedicatedShape{std::stod(match[1].str()), std::stod(match[2].str()) / k_mib_per_gb};
    if (std::regex_match(tier, match, k_predefined)) {
        const double vcpus = std::stod(match[2].str());
        const double per_vcpu =
            match[1].str() == "standard" ? k_standard_gb_per_vcpu : k_highmem_gb_per_vcpu;
        return DedicatedShape{vcpus, vcpus * per_vcpu};
    }
    return std::nullopt;
}

// SQLSERVER_2019_WEB -> "web"; Express carries no license fee, other databases none at all.
std::optional<std::string> sql_server_edition(const std::string& database_version) {
    if (database_version.rfind("SQLSERVER_", 0) != 0)
        return std::nullopt;
    std::string edition = database_version.substr(database_version.rfind('_') + 1);
    for (char& letter : edition)
        letter = static_cast<char>(std::tolower(static_cast<unsigned char>(letter)));
    if (edition == "express")
        return std::nullopt;
    return edition;
}

void add_compute(StateCost& cost, const std::string& tier, const std::string& availability,
                 const std::string& database_version, const PricingContext& context) {
    if (tier == "db-f1-micro" || tier == "db-g1-small") {
        context.add(cost, "SQL instance (" + tier + ", " + availability + ")", "hours",
                    k_hours_per_month, "cloud_sql", "shared-core-" + tier + "-" + availability);
        return;
    }
    const auto shape = dedicated_shape(tier);
    if (!shape) {
        cost.add_unpriced("SQL instance (" + tier + ")",
                          "tier " + tier +
                              ": only shared-core, db-custom, standard and highmem tiers of the "
                              "Enterprise edition are in the catalog");
        return;
    }
    context.add(cost, "vCPUs (" + format_amount(shape->vcpus) + ", " + availability + ")",
                "vCPU-hours", shape->vcpus * k_hours_per_month, "cloud_sql",
                "vcpu-" + availability);
    context.add(cost, "Memory (" + format_amount(shape->memory_gb) + " GB, " + availability + ")",
                "GB-hours", shape->memory_gb * k_hours_per_month, "cloud_sql",
                "memory-" + availability);
    if (const auto edition = sql_server_edition(database_version))
        context.add(cost, "SQL Server license (" + *edition + ")", "vCPU-hours",
                    shape->vcpus * k_hours_per_month, "cloud_sql", "license-sqlserver-" + *edition);
}

} // namespace

StateCost price_sql_database_instance(const Attributes& attributes, const PricingContext& context) {
    StateCost cost;
    const auto settings = attributes.blocks("settings");
    const auto tier = settings.empty() ? std::nullopt : settings.front().string("tier");
    if (!tier) {
        mark_unknown(cost, "settings.tier");
        return cost;
    }
    const Attributes& setting = settings.front();
    if (setting.string("edition").value_or("ENTERPRISE") != "ENTERPRISE") {
        cost.add_unpriced("SQL instance (Enterprise Plus)",
                          "Enterprise Plus edition prices are not in the catalog");
        return cost;
    }
    const std::string availability =
        setting.string("availability_type").value_or("ZONAL") == "REGIONAL" ? "regional" : "zonal";
    if (setting.string("activation_policy").value_or("ALWAYS") == "NEVER")
        cost.notes.emplace_back("activation_policy NEVER: the instance is stopped and bills "
                                "storage only");
    else
        add_compute(cost, *tier, availability, attributes.string("database_version").value_or(""),
                    context);

    const bool hdd = setting.string("disk_type").value_or("PD_SSD") == "PD_HDD";
    const auto disk_gb = setting.number("disk_size");
    if (!disk_gb)
        cost.notes.emplace_back("disk_size not in the plan; assumed Cloud SQL's default 10 GB");
    context.add(cost, std::string("Storage (") + (hdd ? "HDD" : "SSD") + ", " + availability + ")",
                "GB-months", disk_gb.value_or(k_default_disk_gb), "cloud_sql",
                std::string("storage-") + (hdd ? "hdd" : "ssd") + "-" + availability);
    context.add_usage(cost, "Backups", "GB-months", context.usage("backup_storage_gb"), "cloud_sql",
                      "backup");
    return cost;
}

} // namespace costgate::pricing::gcp
