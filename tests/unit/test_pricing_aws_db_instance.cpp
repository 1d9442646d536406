#include "costgate/pricing/usage.hpp"
#include "pricing_fixtures.hpp"

#include <catch2/catch.hpp>

using namespace costgate;
using namespace costgate::pricing;
using namespace costgate::testing;

namespace {

// A usage file giving the resource `<type>.db` one key.
Usage usage_of(const std::string& type, const std::string& key, double value) {
    return Usage::parse("u.yaml", "version: 1\nresource_usage:\n  " + type + ".db:\n    " + key +
                                      ": " + std::to_string(value) + "\n");
}

ResourceEstimate priced(const std::string& type, const std::string& after,
                        const Usage& usage = Usage()) {
    return estimate_one(terraform_resource(type + ".db", type, Action::create, "", after), usage);
}

std::string monthly(const ResourceEstimate& estimate) {
    REQUIRE(estimate.monthly_after.has_value());
    return estimate.monthly_after->to_cents_string();
}

} // namespace

TEST_CASE("a Multi-AZ RDS instance is priced at the Multi-AZ rates", "[pricing][aws][rds]") {
    const auto multi_az =
        priced("aws_db_instance", R"({"instance_class": "db.m5.large", "engine": "postgres",
        "multi_az": true, "allocated_storage": 100, "storage_type": "gp2"})");
    REQUIRE(multi_az.priced);
    REQUIRE(multi_az.components.size() == 3);
    // aws/rds/db.m5.large|PostgreSQL|multi-az/us-east-1 is 0.356 per hour: 730 x 0.356 = 259.88.
    CHECK(multi_az.components[0].price_key == "aws/rds/db.m5.large|PostgreSQL|multi-az/us-east-1");
    CHECK(multi_az.components[0].monthly_quantity == 730);
    CHECK(multi_az.components[0].unit_price == 0.356);
    // aws/rds/storage_gp2_multi_az/us-east-1 is 0.23 per GB-month: 100 x 0.23 = 23.00.
    CHECK(multi_az.components[1].price_key == "aws/rds/storage_gp2_multi_az/us-east-1");
    CHECK(multi_az.components[1].monthly_quantity == 100);
    CHECK(monthly(multi_az) == "282.88");
}

TEST_CASE("RDS backup storage is priced at the RDS rate, not Aurora's", "[pricing][aws][rds]") {
    const Usage usage = usage_of("aws_db_instance", "additional_backup_storage_gb", 50);
    const auto mysql =
        priced("aws_db_instance", R"({"instance_class": "db.t3.medium", "engine": "mysql",
        "allocated_storage": 20})",
               usage);
    REQUIRE(mysql.components.size() == 3);
    // aws/rds/backup_storage/us-east-1: 0.095 per GB-month (Aurora's: 0.021); 50 x 0.095 = 4.75.
    CHECK(mysql.components[2].price_key == "aws/rds/backup_storage/us-east-1");
    CHECK(mysql.components[2].unit_price == 0.095);
    CHECK(mysql.components[2].monthly_cost->to_cents_string() == "4.75");
    // 730 x 0.068 (db.t3.medium MySQL) + 20 x 0.115 (gp2) + 4.75 = 49.64 + 2.30 + 4.75.
    CHECK(monthly(mysql) == "56.69");
}

TEST_CASE("Aurora Serverless v2 capacity is priced per engine", "[pricing][aws][rds]") {
    const Usage usage = usage_of("aws_rds_cluster_instance", "average_acu", 2);
    const auto postgres =
        priced("aws_rds_cluster_instance",
               R"({"instance_class": "db.serverless", "engine": "aurora-postgresql"})", usage);
    REQUIRE(postgres.components.size() == 1);
    CHECK(postgres.components[0].price_key == "aws/rds/aurora_postgresql_serverless_v2/us-east-1");
    // 2 ACUs x 730 hours x 0.12 per ACU-hour = 175.20.
    CHECK(monthly(postgres) == "175.20");
    const auto mysql = priced("aws_rds_cluster_instance",
                              R"({"instance_class": "db.serverless", "engine": "aurora"})", usage);
    CHECK(mysql.components.at(0).price_key == "aws/rds/aurora_mysql_serverless_v2/us-east-1");
    const auto unknown =
        priced("aws_rds_cluster_instance", R"({"instance_class": "db.serverless"})", usage);
    CHECK_FALSE(unknown.priced);
    CHECK(has_note(unknown, "engine is not known until apply"));
}

TEST_CASE("an Elastic IP is priced at the public IPv4 rate", "[pricing][aws][vpc]") {
    const auto eip = priced("aws_eip", R"({"domain": "vpc"})");
    REQUIRE(eip.components.size() == 1);
    // aws/vpc/public_ipv4_in_use/us-east-1: 0.005 per hour x 730 = 3.65 per month.
    CHECK(eip.components[0].price_key == "aws/vpc/public_ipv4_in_use/us-east-1");
    CHECK(monthly(eip) == "3.65");
}

TEST_CASE("an engine version past standard support adds Extended Support per vCPU-hour",
          "[pricing][aws][rds]") {
    SECTION("MySQL 5.7 on a db.t3.micro") {
        // db.t3.micro has 2 vCPUs: 2 x 730 x aws/rds/extended_support_year_1|MySQL/us-east-1
        // 0.1 = 146.00, on top of 730 x 0.017 (db.t3.micro MySQL) = 12.41; storage 20 x 0.115
        // = 2.30. Total 160.71.
        const auto instance =
            priced("aws_db_instance", R"({"instance_class": "db.t3.micro", "engine": "mysql",
            "engine_version": "5.7.44", "allocated_storage": 20})");
        REQUIRE(instance.priced);
        REQUIRE(instance.components.size() == 4);
        CHECK(instance.components[1].price_key ==
              "aws/rds/extended_support_year_1|MySQL/us-east-1");
        CHECK(instance.components[1].monthly_quantity == 1460);
        CHECK(has_note(instance, "MySQL 5.7 is past standard support"));
        CHECK(monthly(instance) == "160.71");
    }
    SECTION("a Multi-AZ standby is billed too") {
        // 2 instances x 2 vCPUs x 730 = 2920 vCPU-hours of PostgreSQL 11.
        const auto instance =
            priced("aws_db_instance", R"({"instance_class": "db.t3.micro", "engine": "postgres",
            "engine_version": "11", "multi_az": true, "allocated_storage": 20})");
        CHECK(instance.components[1].price_key ==
              "aws/rds/extended_support_year_1|PostgreSQL/us-east-1");
        CHECK(instance.components[1].monthly_quantity == 2920);
    }
    SECTION("an Aurora MySQL 2 instance, whose instance hours have no catalog price") {
        // db.r5.large has 2 vCPUs: 2 x 730 x aws/rds/extended_support_year_1|Aurora MySQL/
        // us-east-1 0.1 = 146.00, on top of the unpriced instance. Before, an Aurora instance
        // added no Extended Support.
        const auto instance =
            priced("aws_rds_cluster_instance", R"({"instance_class": "db.r5.large",
            "engine": "aurora-mysql", "engine_version": "5.7.mysql_aurora.2.12.4"})");
        CHECK(instance.partial);
        REQUIRE(instance.components.size() == 1);
        CHECK(instance.components[0].price_key ==
              "aws/rds/extended_support_year_1|Aurora MySQL/us-east-1");
        CHECK(monthly(instance) == "146.00");
        CHECK(has_note(instance, "charged since 2024-12-01"));
        const auto postgres = priced("aws_rds_cluster_instance",
                                     R"({"instance_class": "db.r5.large",
            "engine": "aurora-postgresql", "engine_version": "12.22"})");
        CHECK(postgres.components.at(0).price_key ==
              "aws/rds/extended_support_year_1|Aurora PostgreSQL/us-east-1");
        const auto current = priced("aws_rds_cluster_instance",
                                    R"({"instance_class": "db.r5.large",
            "engine": "aurora-postgresql", "engine_version": "16.4"})");
        CHECK(current.components.empty());
    }
    SECTION("versions in standard support, or not given, add nothing") {
        for (const char* version :
             {R"("engine_version": "8.4.3", )", R"("engine_version": "5.70", )", ""}) {
            const auto instance =
                priced("aws_db_instance",
                       std::string(R"({"instance_class": "db.t3.micro", "engine": "mysql", )") +
                           version + R"("allocated_storage": 20})");
            CHECK(instance.components.size() == 3);
        }
    }
    SECTION("a class without a known vCPU count names the part it cannot price") {
        const auto instance =
            priced("aws_db_instance", R"({"instance_class": "db.r6g.large", "engine": "mysql",
            "engine_version": "5.7", "allocated_storage": 20})");
        CHECK_FALSE(instance.priced);
        CHECK(has_note(instance, "the vCPU count of db.r6g.large is not known"));
    }
}
