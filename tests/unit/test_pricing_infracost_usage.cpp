#include "costgate/model/error.hpp"
#include "pricing_fixtures.hpp"

#include <catch2/catch.hpp>

using namespace costgate;
using namespace costgate::pricing;
using namespace costgate::testing;

namespace {

// An Infracost usage file as Infracost's own example writes it (keys and layout of its
// infracost-usage-example.yml).
const char* const k_infracost_usage = R"(# infracost-usage.yml
version: 0.1
resource_type_default_usage:
  aws_lambda_function:
    monthly_requests: 1_000_000
    request_duration_ms: 500
resource_usage:
  aws_nat_gateway.main:
    monthly_data_processed_gb: 1000
  aws_nat_gateway.az[*]:
    monthly_data_processed_gb: 10
  aws_s3_bucket.assets:
    object_tags: 10000000
    standard:
      storage_gb: 1000
      monthly_tier_1_requests: 1000000
    standard_infrequent_access:
      storage_gb: 200
  aws_rds_cluster_instance.serverless:
    capacity_units_per_hr: 4
    monthly_cpu_credit_hrs: 24
  aws_instance.web:
    operating_system: linux
    reserved_instance_type: standard
    reserved_instance_term: 1_year
    reserved_instance_payment_option: all_upfront
    monthly_hrs: 450
  aws_dynamodb_table.orders:
    storage_gb: 230
)";

} // namespace

TEST_CASE("an Infracost usage file is read as it is", "[pricing][usage][infracost]") {
    const Usage usage = Usage::parse("infracost-usage.yml", k_infracost_usage);
    CHECK(usage.value("aws_nat_gateway.main", "aws_nat_gateway", "monthly_data_processed_gb") ==
          1000);
    // `[*]` stands for every instance of a counted or for_each resource.
    CHECK(usage.value("aws_nat_gateway.az[0]", "aws_nat_gateway", "monthly_data_processed_gb") ==
          10);
    CHECK(usage.value("aws_nat_gateway.az[\"b\"]", "aws_nat_gateway",
                      "monthly_data_processed_gb") == 10);
    // Type defaults, with Infracost's `1_000_000` digit separators.
    CHECK(usage.value("aws_lambda_function.api", "aws_lambda_function", "monthly_requests") ==
          1000000);
    CHECK(usage.value("aws_lambda_function.api", "aws_lambda_function", "request_duration_ms") ==
          500);
    // Keys costgate reads under another name (src/pricing/usage/infracost_keys.csv).
    CHECK(usage.value("aws_s3_bucket.assets", "aws_s3_bucket", "standard_storage_gb") == 1000);
    CHECK(usage.value("aws_s3_bucket.assets", "aws_s3_bucket", "standard_ia_storage_gb") == 200);
    CHECK(usage.value("aws_rds_cluster_instance.serverless", "aws_rds_cluster_instance",
                      "average_acu") == 4);
    // Keys costgate does not use are ignored (with a warning), not errors.
    CHECK_FALSE(usage.value("aws_instance.web", "aws_instance", "monthly_hrs").has_value());
    CHECK_FALSE(
        usage.value("aws_dynamodb_table.orders", "aws_dynamodb_table", "storage_gb").has_value());
}

TEST_CASE("an Infracost usage file prices usage-based components", "[pricing][usage][infracost]") {
    const Usage usage = Usage::parse("infracost-usage.yml", k_infracost_usage);
    // NAT gateway: 730 h = $32.85, plus 1000 GB x $0.045 = $45.00: $77.85.
    const auto nat = estimate_one(
        terraform_resource("aws_nat_gateway.main", "aws_nat_gateway", Action::create, "", "{}"),
        usage);
    CHECK(nat.monthly_after->to_cents_string() == "77.85");
    // S3: Standard 1000 GB x $0.023 = $23.00, Standard-IA 200 GB x $0.0125 = $2.50: $25.50.
    const auto bucket = estimate_one(
        terraform_resource("aws_s3_bucket.assets", "aws_s3_bucket", Action::create, "", "{}"),
        usage);
    CHECK(bucket.monthly_after->to_cents_string() == "25.50");
}

TEST_CASE("reserved-instance keys say the resource is priced on demand, and why",
          "[pricing][usage][infracost]") {
    const Usage usage = Usage::parse("infracost-usage.yml", k_infracost_usage);
    const std::vector<std::string> notes = usage.notes("aws_instance.web", "aws_instance");
    REQUIRE(notes.size() == 1);
    CHECK(notes[0] == "reserved instance asked in the usage file (reserved_instance_payment_option "
                      "all_upfront, reserved_instance_term 1_year, reserved_instance_type "
                      "standard): priced on demand, as costgate's catalog has no reserved rates "
                      "(a catalog overlay discount can stand for the reservation)");
    // t3.micro on demand: 730 h x $0.0104 = $7.592, plus the assumed 8 GB gp2 root volume
    // 8 x $0.10 = $0.80: $8.39.
    const auto instance =
        estimate_one(terraform_resource("aws_instance.web", "aws_instance", Action::create, "",
                                        R"({"instance_type": "t3.micro"})"),
                     usage);
    CHECK(has_note(instance, "priced on demand, as costgate's catalog has no reserved rates"));
    CHECK(instance.monthly_after->to_cents_string() == "8.39");
    CHECK(usage.notes("aws_nat_gateway.main", "aws_nat_gateway").empty());
}

TEST_CASE("a bad value of a key costgate uses is an error in an Infracost file too",
          "[pricing][usage][infracost]") {
    CHECK_THROWS_WITH(Usage::parse("u.yml", "version: v0.1\nresource_usage:\n  aws_nat_gateway.a:\n"
                                            "    monthly_data_processed_gb: lots\n"),
                      "u.yml:4:32: usage \"monthly_data_processed_gb\" must be a number, found "
                      "\"lots\"");
    CHECK_THROWS_WITH(Usage::parse("u.yml", "version: 0.1\nresource_usage:\n  aws_nat_gateway.a:\n"
                                            "    monthly_data_processed_gb: -5\n"),
                      Catch::StartsWith("u.yml:4:") && Catch::Contains("must not be negative"));
    CHECK_THROWS_WITH(Usage::parse("u.yml", "version: 0.2\nresource_usage: {}\n"),
                      Catch::Contains("unsupported usage file version"));
}
