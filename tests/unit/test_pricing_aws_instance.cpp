#include "pricing_fixtures.hpp"

#include <catch2/catch.hpp>

using namespace costgate;
using namespace costgate::testing;

namespace {

ResourceEstimate create_instance(const std::string& after, const std::string& unknown = "{}") {
    return estimate_one(
        terraform_resource("aws_instance.a", "aws_instance", Action::create, "", after, unknown));
}

} // namespace

TEST_CASE("an m5.large with an 8 GB gp3 root volume costs the public rate x 730 plus storage",
          "[pricing][aws]") {
    const auto estimate = create_instance(
        R"({"instance_type": "m5.large", "root_block_device": [{"volume_size": 8, "volume_type": "gp3"}]})");
    REQUIRE(estimate.priced);
    REQUIRE(estimate.components.size() == 2);
    const CostComponent& hours = estimate.components[0];
    CHECK(hours.unit_price == 0.096);
    CHECK(hours.monthly_quantity == 730);
    CHECK(hours.monthly_cost->to_cents_string() == "70.08");
    CHECK(hours.price_key == "aws/ec2/m5.large/us-east-1");
    CHECK_FALSE(hours.price_source.empty());
    const CostComponent& root = estimate.components[1];
    CHECK(root.unit_price == 0.08);
    CHECK(root.monthly_quantity == 8);
    CHECK(root.monthly_cost->to_cents_string() == "0.64");
    CHECK(root.price_key == "aws/ebs/gp3/us-east-1");
    CHECK(estimate.monthly_after->to_cents_string() == "70.72");
    CHECK(estimate.monthly_delta->to_cents_string() == "70.72");
    CHECK(estimate.monthly_before->to_cents_string() == "0.00");
}

TEST_CASE("an instance type known only after apply leaves the instance unpriced",
          "[pricing][aws]") {
    const auto estimate =
        create_instance(R"({"root_block_device": []})", R"({"instance_type": true})");
    CHECK_FALSE(estimate.priced);
    CHECK_FALSE(estimate.monthly_after.has_value());
    CHECK(has_note(estimate, "instance_type is not known until apply"));
}

TEST_CASE("dedicated tenancy is not priced from shared-tenancy rates", "[pricing][aws]") {
    const auto estimate =
        create_instance(R"({"instance_type": "m5.large", "tenancy": "dedicated"})");
    CHECK_FALSE(estimate.priced);
    CHECK(has_note(estimate, "tenancy \"dedicated\""));
}

TEST_CASE("a root volume the plan does not describe is an explicit 8 GB gp2 assumption",
          "[pricing][aws]") {
    const auto estimate =
        create_instance(R"({"instance_type": "t3.micro", "root_block_device": [],
        "ebs_block_device": []})",
                        R"({"root_block_device": true, "ebs_block_device": true})");
    REQUIRE(estimate.priced);
    CHECK(estimate.components.at(1).price_key == "aws/ebs/gp2/us-east-1");
    CHECK(estimate.components.at(1).monthly_quantity == 8);
    CHECK(has_note(estimate, "assumed 8 GB gp2"));
}

TEST_CASE("EBS block devices are priced by type with gp3 extras above the baseline",
          "[pricing][aws]") {
    const auto estimate = create_instance(R"({"instance_type": "t3.micro",
        "root_block_device": [{"volume_size": 8, "volume_type": "gp3"}],
        "ebs_block_device": [{"volume_size": 100, "volume_type": "gp3", "iops": 4000, "throughput": 250},
                             {"volume_size": 500, "volume_type": "st1"}]})");
    REQUIRE(estimate.priced);
    REQUIRE(estimate.components.size() == 6);
    CHECK(estimate.components[3].name == "ebs_block_device[0]: Provisioned IOPS (above 3,000)");
    CHECK(estimate.components[3].monthly_quantity == 1000);
    CHECK(estimate.components[4].monthly_quantity == 125);
    CHECK(estimate.components[5].price_key == "aws/ebs/st1/us-east-1");
}

TEST_CASE("EBS volumes cover every type and refuse what the catalog cannot price",
          "[pricing][aws]") {
    auto volume = [](const std::string& after, const std::string& unknown = "{}") {
        return estimate_one(terraform_resource("aws_ebs_volume.v", "aws_ebs_volume", Action::create,
                                               "", after, unknown));
    };
    CHECK(
        volume(R"({"size": 100, "type": "io1", "iops": 1000})").monthly_after->to_cents_string() ==
        "77.50");
    CHECK(
        volume(R"({"size": 100, "type": "io2", "iops": 1000})").monthly_after->to_cents_string() ==
        "77.50");
    CHECK_FALSE(volume(R"({"size": 100, "type": "io2", "iops": 40000})").priced);
    CHECK(volume(R"({"size": 100, "type": "sc1"})").monthly_after->to_cents_string() == "1.50");
    CHECK_FALSE(volume(R"({"size": 100, "type": "gp9"})").priced);
    CHECK_FALSE(volume(R"({"type": "gp3"})", R"({"size": true})").priced);
    const auto untyped = volume(R"({"size": 10})");
    CHECK(untyped.components.at(0).price_key == "aws/ebs/gp2/us-east-1");
    CHECK(has_note(untyped, "default gp2"));
    const auto magnetic = volume(R"({"size": 10, "type": "standard"})");
    REQUIRE(magnetic.priced);
    const CostComponent& io = magnetic.components.at(1);
    CHECK(io.usage_based);
    CHECK_FALSE(io.monthly_quantity.has_value());
    CHECK_FALSE(io.monthly_cost.has_value());
    CHECK(io.unit_price == 0.05);
}

TEST_CASE("a missing region or a region without prices leaves the resource unpriced",
          "[pricing][aws]") {
    auto resource = terraform_resource("aws_instance.a", "aws_instance", Action::create, "",
                                       R"({"instance_type": "m5.large"})");
    resource.region = "";
    CHECK(has_note(estimate_one(resource), "region unknown"));
    resource.region = "eu-west-9";
    const auto estimate = estimate_one(resource);
    CHECK_FALSE(estimate.priced);
    CHECK(has_note(estimate, "no price in the catalog for aws/ec2/m5.large/eu-west-9"));
}
