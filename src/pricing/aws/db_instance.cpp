#include "pricers.hpp"
#include "rds_extended_support.hpp"

namespace costgate::pricing::aws {

namespace {

// RDS engine names in Terraform → the catalog's engine names.
std::optional<std::string> catalog_engine(const std::string& engine) {
    if (engine == "mysql")
        return "MySQL";
    if (engine == "postgres")
        return "PostgreSQL";
    if (engine == "mariadb")
        return "MariaDB";
    return std::nullopt;
}

// Multi-AZ storage and IOPS have prices of their own (`storage_gp2_multi_az`, ...).
void add_storage(StateCost& cost, const Attributes& attributes, bool multi_az,
                 const PricingContext& context) {
    const auto size = attributes.number("allocated_storage");
    if (!size) {
        mark_unknown(cost, "allocated_storage");
        return;
    }
    // RDS's default storage type is gp2 when none is given.
    const std::string type = attributes.string("storage_type").value_or("gp2");
    if (type != "gp2" && type != "standard" && type != "io1") {
        cost.add_unpriced("Storage (" + type + ")",
                          "no RDS " + type + " storage price in the catalog");
        return;
    }
    const std::string suffix = multi_az ? "_multi_az" : "";
    const std::string product =
        (type == "standard" ? "storage_magnetic" : "storage_" + type) + suffix;
    context.add(cost, "Storage (" + type + ")", "GB-months", *size, "rds", product);
    if (type != "io1")
        return;
    if (const auto iops = attributes.number("iops"))
        context.add(cost, "Provisioned IOPS", "IOPS-months", *iops, "rds",
                    "io1_provisioned_iops" + suffix);
    else
        mark_unknown(cost, "iops");
}

} // namespace

StateCost price_db_instance(const Attributes& attributes, const PricingContext& context) {
    StateCost cost;
    const auto instance_class = attributes.string("instance_class");
    const auto engine = attributes.string("engine");
    if (!instance_class || !engine) {
        mark_unknown(cost, !instance_class ? "instance_class" : "engine");
        return cost;
    }
    const auto catalog_name = catalog_engine(*engine);
    if (!catalog_name) {
        cost.add_unpriced("Database instance (" + *engine + ", " + *instance_class + ")",
                          "no RDS prices for engine \"" + *engine + "\" in the catalog");
        return cost;
    }
    // A Multi-AZ deployment (primary and standby) has list prices of its own.
    const bool multi_az = attributes.boolean("multi_az").value_or(false);
    context.add(cost,
                "Database instance (" + *catalog_name + ", on-demand, " + *instance_class +
                    (multi_az ? ", Multi-AZ)" : ")"),
                "hours", k_hours_per_month, "rds",
                *instance_class + "|" + *catalog_name + (multi_az ? "|multi-az" : "|single-az"));
    add_extended_support(cost, attributes, *engine, *instance_class, multi_az, context);
    add_storage(cost, attributes, multi_az, context);
    const auto backup = context.usage("additional_backup_storage_gb");
    context.add_usage(cost, "Additional backup storage", "GB-months", backup, "rds",
                      "backup_storage");
    return cost;
}

StateCost price_rds_cluster_instance(const Attributes& attributes, const PricingContext& context) {
    StateCost cost;
    const auto instance_class = attributes.string("instance_class");
    if (!instance_class) {
        mark_unknown(cost, "instance_class");
        return cost;
    }
    if (*instance_class == "db.serverless") {
        // ACUs are priced per engine: aurora (MySQL 5.x compatible) and aurora-mysql are
        // Aurora MySQL.
        const auto engine = attributes.string("engine");
        if (!engine) {
            mark_unknown(cost, "engine");
            return cost;
        }
        const std::string family = *engine == "aurora-postgresql" ? "postgresql" : "mysql";
        const auto capacity = context.usage("average_acu");
        context.add_usage(cost, "Aurora Serverless v2 capacity", "ACU-hours",
                          capacity ? std::optional<double>(*capacity * k_hours_per_month)
                                   : std::nullopt,
                          "rds", "aurora_" + family + "_serverless_v2");
        return cost;
    }
    cost.add_unpriced("Database instance (Aurora, " + *instance_class + ")",
                      "no Aurora provisioned instance prices in the catalog (" + *instance_class +
                          ")");
    // Extended Support is billed per vCPU-hour of the instance on top, priced or not.
    if (const auto engine = attributes.string("engine"))
        add_extended_support(cost, attributes, *engine, *instance_class, false, context);
    return cost;
}

} // namespace costgate::pricing::aws
