#include "pricers.hpp"

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

void add_storage(StateCost& cost, const Attributes& attributes, double copies,
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
    const std::string product = type == "standard" ? "storage_magnetic" : "storage_" + type;
    context.add(cost, "Storage (" + type + ")", "GB-months", *size * copies, "rds", product);
    if (type != "io1")
        return;
    if (const auto iops = attributes.number("iops"))
        context.add(cost, "Provisioned IOPS", "IOPS-months", *iops * copies, "rds",
                    "io1_provisioned_iops");
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
    // Multi-AZ keeps a standby beside the primary; AWS bills both instances and volumes,
    // so it is priced as twice the single-AZ instance hours and storage.
    const bool multi_az = attributes.boolean("multi_az").value_or(false);
    const double copies = multi_az ? 2 : 1;
    if (multi_az)
        cost.notes.push_back("Multi-AZ priced as primary plus standby at single-AZ rates");
    context.add(cost,
                "Database instance (" + *catalog_name + ", on-demand, " + *instance_class +
                    (multi_az ? ", Multi-AZ)" : ")"),
                "hours", k_hours_per_month * copies, "rds",
                *instance_class + "|" + *catalog_name + "|single-az");
    add_storage(cost, attributes, copies, context);
    const auto backup = context.usage("additional_backup_storage_gb");
    context.add_usage(cost, "Additional backup storage", "GB-months", backup, "rds",
                      "additional_backup_storage");
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
        const auto capacity = context.usage("average_acu");
        context.add_usage(cost, "Aurora Serverless v2 capacity", "ACU-hours",
                          capacity ? std::optional<double>(*capacity * k_hours_per_month)
                                   : std::nullopt,
                          "rds", "aurora_serverless_v2");
        return cost;
    }
    cost.add_unpriced("Database instance (Aurora, " + *instance_class + ")",
                      "no Aurora provisioned instance prices in the catalog (" + *instance_class +
                          ")");
    return cost;
}

} // namespace costgate::pricing::aws
