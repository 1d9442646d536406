#include "costgate/pricing/resource_type.hpp"
#include "pricing_fixtures.hpp"

#include <catch2/catch.hpp>

using namespace costgate;
using namespace costgate::pricing;
using namespace costgate::testing;

namespace {

ResourceEstimate create_instance(const std::string& after, const std::string& unknown = "{}") {
    return estimate_one(
        terraform_resource("aws_instance.a", "aws_instance", Action::create, "", after, unknown));
}

const std::string k_acceptance = R"({"instance_type": "m5.large",
    "root_block_device": [{"volume_size": 8, "volume_type": "gp3"}]})";

} // namespace

TEST_CASE("an m5.large with an 8 GB gp3 root volume costs 70.08 + 0.64 = 70.72 a month",
          "[pricing][aws]") {
    const auto estimate = create_instance(k_acceptance);
    REQUIRE(estimate.priced);
    CHECK_FALSE(estimate.free);
    REQUIRE(estimate.components.size() == 2);

    const CostComponent& hours = estimate.components[0];
    CHECK(hours.unit == "hours");
    CHECK(hours.monthly_quantity == 730);
    CHECK(hours.unit_price == 0.096);
    CHECK(hours.monthly_cost == Money::from_double(70.08));
    CHECK(hours.price_key == "aws/ec2/m5.large/us-east-1");
    CHECK_FALSE(hours.usage_based);
    CHECK_FALSE(hours.price_source.empty());
    CHECK(hours.price_as_of.size() == 10);

    const CostComponent& root = estimate.components[1];
    CHECK(root.name == "root_block_device: Storage (general purpose SSD, gp3)");
    CHECK(root.unit == "GB-months");
    CHECK(root.monthly_quantity == 8);
    CHECK(root.unit_price == 0.08);
    CHECK(root.monthly_cost == Money::from_double(0.64));
    CHECK(root.price_key == "aws/ebs/gp3/us-east-1");
    CHECK_FALSE(root.price_source.empty());

    CHECK(estimate.monthly_before == Money{});
    CHECK(estimate.monthly_after == Money::from_double(70.72));
    CHECK(estimate.monthly_delta == Money::from_double(70.72));
    CHECK(estimate.monthly_after->to_cents_string() == "70.72");
}

TEST_CASE("the aws_instance type description prices one state directly", "[pricing][aws]") {
    const ResourceType* type = find_resource_type("aws_instance");
    REQUIRE(type != nullptr);
    REQUIRE(type->pricer != nullptr);
    const Catalog catalog = Catalog::embedded();
    const Usage usage;
    const auto resource =
        terraform_resource("aws_instance.a", "aws_instance", Action::create, "", k_acceptance);
    const std::vector<Resource> run{resource};
    const StateCost cost = type->price(Attributes(*resource.after, resource.after_unknown),
                                       PricingContext(catalog, usage, resource, run));
    CHECK(cost.priced());
    CHECK(cost.monthly() == Money::from_double(70.72));
}

// The assumed 8 GB gp2 root volume stays priced: 8 GB x $0.10 = $0.80 a month.
TEST_CASE("an instance type the catalog cannot price leaves the instance partly priced",
          "[pricing][aws]") {
    SECTION("known only after apply") {
        const auto estimate =
            create_instance(R"({"root_block_device": []})", R"({"instance_type": true})");
        CHECK_FALSE(estimate.priced);
        CHECK(estimate.partial);
        CHECK(estimate.monthly_after->to_cents_string() == "0.80");
        CHECK(estimate.monthly_delta->to_signed_cents_string() == "+0.80");
        REQUIRE(estimate.unpriced.size() == 1);
        CHECK(estimate.unpriced[0].name == "instance_type");
        CHECK(has_note(estimate, "instance_type is not known until apply"));
    }
    SECTION("not in the catalog") {
        const auto estimate = create_instance(R"({"instance_type": "m5.gigantic"})");
        CHECK(estimate.partial);
        CHECK(estimate.monthly_after->to_cents_string() == "0.80");
        REQUIRE(estimate.unpriced.size() == 1);
        CHECK(estimate.unpriced[0].price_key == "aws/ec2/m5.gigantic/us-east-1");
        CHECK(has_note(estimate, "no price in the catalog for aws/ec2/m5.gigantic/us-east-1"));
    }
    SECTION("absent, as with a launch template") {
        const auto estimate = create_instance(R"({"launch_template": [{"id": "lt-1"}]})");
        CHECK(estimate.partial);
        CHECK(has_note(estimate, "no instance_type"));
    }
}

TEST_CASE("a spot instance is priced at the on-demand rate as its ceiling, and says so",
          "[pricing][aws]") {
    // Before, a spot instance was priced on demand with no word of it.
    const auto spot = create_instance(k_acceptance.substr(0, k_acceptance.size() - 1) +
                                      R"(, "instance_market_options": [{"market_type": "spot"}]})");
    REQUIRE(spot.priced);
    // 730 hours x $0.096 + 8 GB x $0.08 = $70.72, as on demand.
    CHECK(spot.monthly_after->to_cents_string() == "70.72");
    CHECK(spot.components[0].name == "Instance usage (Linux/UNIX, spot, m5.large)");
    CHECK(has_note(spot, "spot capacity priced at the on-demand rate, an upper bound"));
    CHECK_FALSE(has_note(create_instance(k_acceptance), "spot"));
}

TEST_CASE("only shared tenancy is priced", "[pricing][aws]") {
    for (const std::string tenancy : {"dedicated", "host"}) {
        INFO(tenancy);
        const auto estimate =
            create_instance(R"({"instance_type": "m5.large", "tenancy": ")" + tenancy + "\"}");
        CHECK_FALSE(estimate.priced);
        CHECK(estimate.partial);
        CHECK(estimate.monthly_after->to_cents_string() == "0.80");
        CHECK(has_note(estimate, "tenancy \"" + tenancy + "\""));
    }
    const auto shared = create_instance(R"({"instance_type": "m5.large", "tenancy": "default"})");
    CHECK(shared.priced);
}

TEST_CASE("a root volume the plan does not describe is an explicit 8 GB gp2 assumption",
          "[pricing][aws]") {
    SECTION("no root_block_device at all") {
        const auto estimate = create_instance(R"({"instance_type": "t3.micro"})");
        REQUIRE(estimate.priced);
        REQUIRE(estimate.components.size() == 2);
        CHECK(estimate.components[1].price_key == "aws/ebs/gp2/us-east-1");
        CHECK(estimate.components[1].monthly_quantity == 8);
        CHECK(estimate.components[1].monthly_cost == Money::from_double(0.80));
        CHECK(has_note(estimate, "assumed 8 GB gp2"));
    }
    SECTION("an empty list, as when the AMI fills it in at apply") {
        const auto estimate =
            create_instance(R"({"instance_type": "t3.micro", "root_block_device": []})",
                            R"({"root_block_device": true})");
        REQUIRE(estimate.priced);
        CHECK(estimate.components.at(1).price_key == "aws/ebs/gp2/us-east-1");
        CHECK(has_note(estimate, "assumed 8 GB gp2"));
    }
    SECTION("a size without a type") {
        const auto estimate = create_instance(
            R"({"instance_type": "t3.micro", "root_block_device": [{"volume_size": 50}]})");
        CHECK(estimate.components.at(1).monthly_quantity == 50);
        CHECK(estimate.components.at(1).price_key == "aws/ebs/gp2/us-east-1");
        CHECK(has_note(estimate, "root volume type not in the plan"));
    }
    SECTION("a described root volume needs no assumption") {
        CHECK_FALSE(has_note(create_instance(k_acceptance), "assumed"));
    }
}

TEST_CASE("EBS block devices are priced by type with gp3 extras above the baseline",
          "[pricing][aws]") {
    const auto estimate = create_instance(R"({"instance_type": "t3.micro",
        "root_block_device": [{"volume_size": 8, "volume_type": "gp3", "iops": 3000,
                               "throughput": 125}],
        "ebs_block_device": [
            {"volume_size": 100, "volume_type": "gp3", "iops": 4000, "throughput": 250},
            {"volume_size": 500, "volume_type": "st1"}]})");
    REQUIRE(estimate.priced);
    REQUIRE(estimate.components.size() == 6);
    // Root at the gp3 baseline: storage only.
    CHECK(estimate.components[1].name == "root_block_device: Storage (general purpose SSD, gp3)");
    CHECK(estimate.components[2].name == "ebs_block_device[0]: Storage (general purpose SSD, gp3)");
    CHECK(estimate.components[2].monthly_cost == Money::from_double(8.00));
    CHECK(estimate.components[3].name == "ebs_block_device[0]: Provisioned IOPS (above 3,000)");
    CHECK(estimate.components[3].monthly_quantity == 1000);
    CHECK(estimate.components[3].price_key == "aws/ebs/gp3_provisioned_iops_above_3000/us-east-1");
    CHECK(estimate.components[4].name ==
          "ebs_block_device[0]: Provisioned throughput (above 125 MB/s)");
    CHECK(estimate.components[4].monthly_quantity == 125);
    CHECK(estimate.components[5].price_key == "aws/ebs/st1/us-east-1");
    CHECK(estimate.components[5].monthly_cost == Money::from_double(22.50));
    // 7.592 + 0.64 + 8.00 + 5.00 + 5.00 + 22.50
    CHECK(estimate.monthly_after->to_cents_string() == "48.73");
}

TEST_CASE("an EBS block device whose size is unknown leaves the instance partly priced",
          "[pricing][aws]") {
    const auto estimate = create_instance(
        R"({"instance_type": "t3.micro", "ebs_block_device": [{"volume_type": "gp3"}]})",
        R"({"ebs_block_device": [{"volume_size": true}]})");
    CHECK_FALSE(estimate.priced);
    CHECK(estimate.partial);
    CHECK(has_note(estimate, "ebs_block_device[0].volume_size is not known until apply"));
}

TEST_CASE("a missing region or a region without prices leaves the instance unpriced",
          "[pricing][aws]") {
    auto resource = terraform_resource("aws_instance.a", "aws_instance", Action::create, "",
                                       R"({"instance_type": "m5.large"})");
    SECTION("no region") {
        resource.region = "";
        const auto estimate = estimate_one(resource);
        CHECK_FALSE(estimate.priced);
        CHECK_FALSE(estimate.monthly_after.has_value());
        CHECK(has_note(estimate, "region unknown"));
    }
    SECTION("a region the catalog has no price for") {
        resource.region = "eu-west-9";
        const auto estimate = estimate_one(resource);
        CHECK_FALSE(estimate.priced);
        CHECK_FALSE(estimate.monthly_after.has_value());
        CHECK(has_note(estimate, "no price in the catalog for aws/ec2/m5.large/eu-west-9"));
    }
}
