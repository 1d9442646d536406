#include "costgate/pricing/usage.hpp"
#include "pricing_fixtures.hpp"

#include <catch2/catch.hpp>

using namespace costgate;
using namespace costgate::pricing;
using namespace costgate::testing;

namespace {

Resource volume_resource(const std::string& after, const std::string& unknown = "{}") {
    return terraform_resource("aws_ebs_volume.v", "aws_ebs_volume", Action::create, "", after,
                              unknown);
}

ResourceEstimate volume(const std::string& after, const std::string& unknown = "{}") {
    return estimate_one(volume_resource(after, unknown));
}

std::string monthly(const ResourceEstimate& estimate) {
    REQUIRE(estimate.monthly_after.has_value());
    return estimate.monthly_after->to_cents_string();
}

} // namespace

TEST_CASE("general purpose volumes are priced per GB-month", "[pricing][aws][ebs]") {
    const auto gp3 = volume(R"({"size": 8, "type": "gp3"})");
    REQUIRE(gp3.priced);
    REQUIRE(gp3.components.size() == 1);
    CHECK(gp3.components[0].name == "Storage (general purpose SSD, gp3)");
    CHECK(gp3.components[0].unit == "GB-months");
    CHECK(gp3.components[0].unit_price == 0.08);
    CHECK(gp3.components[0].price_key == "aws/ebs/gp3/us-east-1");
    CHECK(monthly(gp3) == "0.64");
    CHECK(monthly(volume(R"({"size": 100, "type": "gp2"})")) == "10.00");
    // Terraform writes numbers; some tools write them as strings.
    CHECK(monthly(volume(R"({"size": "100", "type": "gp2"})")) == "10.00");
}

TEST_CASE("gp3 IOPS and throughput above the free baseline are extra", "[pricing][aws][ebs]") {
    SECTION("at the baseline") {
        const auto baseline =
            volume(R"({"size": 100, "type": "gp3", "iops": 3000, "throughput": 125})");
        CHECK(baseline.components.size() == 1);
        CHECK(monthly(baseline) == "8.00");
    }
    SECTION("above it") {
        const auto extra =
            volume(R"({"size": 100, "type": "gp3", "iops": 4000, "throughput": 250})");
        REQUIRE(extra.components.size() == 3);
        CHECK(extra.components[1].monthly_quantity == 1000);
        CHECK(extra.components[1].unit == "IOPS-months");
        CHECK(extra.components[1].price_key == "aws/ebs/gp3_provisioned_iops_above_3000/us-east-1");
        CHECK(extra.components[2].monthly_quantity == 125);
        CHECK(extra.components[2].price_key ==
              "aws/ebs/gp3_provisioned_throughput_above_125/us-east-1");
        CHECK(monthly(extra) == "18.00"); // 8.00 + 1000 x 0.005 + 125 x 0.04
    }
    SECTION("iops and throughput known only after apply count as the baseline") {
        const auto unknown =
            volume(R"({"size": 100, "type": "gp3"})", R"({"iops": true, "throughput": true})");
        CHECK(unknown.priced);
        CHECK(unknown.components.size() == 1);
    }
}

TEST_CASE("provisioned IOPS volumes need their IOPS", "[pricing][aws][ebs]") {
    SECTION("io1 with iops") {
        const auto io1 = volume(R"({"size": 100, "type": "io1", "iops": 1000})");
        REQUIRE(io1.components.size() == 2);
        CHECK(io1.components[1].name == "Provisioned IOPS");
        CHECK(io1.components[1].price_key == "aws/ebs/io1_provisioned_iops/us-east-1");
        CHECK(monthly(io1) == "77.50"); // 100 x 0.125 + 1000 x 0.065
    }
    SECTION("io1 without iops") {
        const auto io1 = volume(R"({"size": 100, "type": "io1"})");
        CHECK_FALSE(io1.priced);
        CHECK(has_note(io1, "iops is required for io1 volumes"));
    }
    SECTION("io2 up to 32,000 IOPS") {
        const auto io2 = volume(R"({"size": 100, "type": "io2", "iops": 32000})");
        REQUIRE(io2.priced);
        CHECK(io2.components[1].price_key == "aws/ebs/io2_provisioned_iops_first_tier/us-east-1");
        CHECK(monthly(io2) == "2092.50"); // 12.50 + 32,000 x 0.065
    }
    SECTION("io2 above 32,000 IOPS") {
        const auto io2 = volume(R"({"size": 100, "type": "io2", "iops": 40000})");
        CHECK_FALSE(io2.priced);
        // The storage and the first tier's IOPS stay priced: 12.50 + 32,000 x 0.065.
        CHECK(io2.partial);
        CHECK(monthly(io2) == "2092.50");
        REQUIRE(io2.unpriced.size() == 1);
        CHECK(io2.unpriced[0].name == "Provisioned IOPS (above 32,000)");
        CHECK(has_note(io2, "io2 IOPS above 32,000"));
    }
}

TEST_CASE("HDD volumes are priced per GB-month", "[pricing][aws][ebs]") {
    CHECK(monthly(volume(R"({"size": 500, "type": "st1"})")) == "22.50");
    CHECK(monthly(volume(R"({"size": 100, "type": "sc1"})")) == "1.50");
}

TEST_CASE("magnetic volumes add a usage-based I/O component", "[pricing][aws][ebs]") {
    SECTION("without usage it has a unit price and no cost") {
        const auto magnetic = volume(R"({"size": 10, "type": "standard"})");
        REQUIRE(magnetic.priced);
        REQUIRE(magnetic.components.size() == 2);
        CHECK(magnetic.components[0].price_key == "aws/ebs/standard_magnetic/us-east-1");
        const CostComponent& io = magnetic.components[1];
        CHECK(io.usage_based);
        CHECK(io.unit == "1M requests");
        CHECK(io.unit_price == 0.05);
        CHECK_FALSE(io.monthly_quantity.has_value());
        CHECK_FALSE(io.monthly_cost.has_value());
        CHECK(monthly(magnetic) == "0.50");
    }
    SECTION("with usage it is priced per million requests") {
        const Usage usage = Usage::parse("u.yaml", "version: 1\nresource_usage:\n"
                                                   "  aws_ebs_volume.v:\n"
                                                   "    monthly_standard_io_requests: 20000000\n");
        const auto magnetic =
            estimate_one(volume_resource(R"({"size": 10, "type": "standard"})"), usage);
        const CostComponent& io = magnetic.components.at(1);
        CHECK(io.monthly_quantity == 20);
        CHECK(io.monthly_cost == Money::from_double(1.00));
        CHECK(monthly(magnetic) == "1.50");
    }
}

TEST_CASE("a volume without a size or with an unknown type is unpriced", "[pricing][aws][ebs]") {
    SECTION("size known only after apply") {
        const auto estimate = volume(R"({"type": "gp3"})", R"({"size": true})");
        CHECK_FALSE(estimate.priced);
        CHECK(has_note(estimate, "size is not known until apply"));
    }
    SECTION("no size, as with a snapshot") {
        const auto estimate = volume(R"({"type": "gp3", "snapshot_id": "snap-1"})");
        CHECK_FALSE(estimate.priced);
        CHECK(has_note(estimate, "no size"));
    }
    SECTION("a type costgate does not know") {
        const auto estimate = volume(R"({"size": 100, "type": "gp9"})");
        CHECK_FALSE(estimate.priced);
        CHECK_FALSE(estimate.monthly_after.has_value());
        CHECK(has_note(estimate, "unknown EBS volume type \"gp9\""));
    }
}

TEST_CASE("a volume without a type is AWS's default gp2", "[pricing][aws][ebs]") {
    const auto untyped = volume(R"({"size": 10})");
    REQUIRE(untyped.priced);
    CHECK(untyped.components.at(0).price_key == "aws/ebs/gp2/us-east-1");
    CHECK(has_note(untyped, "default gp2"));
    CHECK(monthly(untyped) == "1.00");
}

TEST_CASE("a volume outside the catalog's regions is unpriced with the missing key",
          "[pricing][aws][ebs]") {
    auto resource = volume_resource(R"({"size": 10, "type": "gp3"})");
    resource.region = "eu-west-9";
    const auto estimate = estimate_one(resource);
    CHECK_FALSE(estimate.priced);
    CHECK(has_note(estimate, "no price in the catalog for aws/ebs/gp3/eu-west-9"));
    resource.region = "";
    CHECK(has_note(estimate_one(resource), "region unknown"));
}

TEST_CASE("resizing a volume prices both states", "[pricing][aws][ebs]") {
    const auto estimate = estimate_one(
        terraform_resource("aws_ebs_volume.v", "aws_ebs_volume", Action::update,
                           R"({"size": 100, "type": "gp2"})", R"({"size": 200, "type": "gp3"})"));
    CHECK(estimate.monthly_before->to_cents_string() == "10.00");
    CHECK(estimate.monthly_after->to_cents_string() == "16.00");
    CHECK(estimate.monthly_delta->to_signed_cents_string() == "+6.00");
}
