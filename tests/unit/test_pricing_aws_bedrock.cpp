#include "pricing_fixtures.hpp"

#include <catch2/catch.hpp>

using namespace costgate;
using namespace costgate::testing;

namespace {

ResourceEstimate create_throughput(const std::string& after, const std::string& unknown = "{}") {
    return estimate_one(terraform_resource("aws_bedrock_provisioned_model_throughput.a",
                                           "aws_bedrock_provisioned_model_throughput",
                                           Action::create, "", after, unknown));
}

} // namespace

// Catalog row aws/bedrock_provisioned_throughput/anthropic.claude-v2:1|6-month-commitment/
// us-east-1: $34.992 per model-unit hour. 2 units x 730 hours = 1,460 x 34.992 = 51,088.32.
TEST_CASE("Bedrock provisioned throughput is model units x the hourly price x 730",
          "[pricing][aws][ai]") {
    const auto estimate =
        create_throughput(R"({"model_units": 2, "commitment_duration": "SixMonths",
        "model_arn": "arn:aws:bedrock:us-east-1::foundation-model/anthropic.claude-v2:1"})");
    REQUIRE(estimate.priced);
    REQUIRE(estimate.components.size() == 1);
    const CostComponent& units = estimate.components[0];
    CHECK(units.monthly_quantity == 1460);
    CHECK(units.unit_price == 34.992);
    CHECK(units.price_key ==
          "aws/bedrock_provisioned_throughput/anthropic.claude-v2:1|6-month-commitment/us-east-1");
    CHECK(estimate.monthly_after->to_cents_string() == "51088.32");
}

// The context-window variant (:18k) is priced as its model; cohere.command-text-v14 has one
// price for every region: 1-month commitment $39.60 x 730 = 28,908.00.
TEST_CASE("a context-window variant and a price for every region are found", "[pricing][aws][ai]") {
    const auto variant = create_throughput(R"({"model_units": 1, "commitment_duration": "OneMonth",
        "model_arn": "arn:aws:bedrock:us-east-1::foundation-model/anthropic.claude-v2:1:18k"})");
    CHECK(variant.monthly_after->to_cents_string() == "45990.00"); // 63 x 730
    const auto any_region =
        create_throughput(R"({"model_units": 1, "commitment_duration": "OneMonth",
        "model_arn": "arn:aws:bedrock:us-east-1::foundation-model/cohere.command-text-v14"})");
    REQUIRE(any_region.priced);
    CHECK(any_region.components[0].price_key ==
          "aws/bedrock_provisioned_throughput/cohere.command-text-v14|1-month-commitment/any");
    CHECK(any_region.monthly_after->to_cents_string() == "28908.00");
}

TEST_CASE("throughput without a listed price is unpriced with the key named",
          "[pricing][aws][ai]") {
    SECTION("no commitment: the list has no hourly no-commitment price") {
        const auto estimate = create_throughput(R"({"model_units": 1,
            "model_arn": "arn:aws:bedrock:us-east-1::foundation-model/anthropic.claude-v2:1"})");
        CHECK_FALSE(estimate.priced);
        REQUIRE(estimate.unpriced.size() == 1);
        CHECK(estimate.unpriced[0].price_key ==
              "aws/bedrock_provisioned_throughput/anthropic.claude-v2:1|no-commitment/us-east-1");
    }
    SECTION("a custom model") {
        const auto estimate = create_throughput(R"({"model_units": 1,
            "model_arn": "arn:aws:bedrock:us-east-1:123456789012:custom-model/x"})");
        CHECK_FALSE(estimate.priced);
        CHECK(estimate.unpriced[0].reason.find("no foundation model") != std::string::npos);
    }
    SECTION("model units known only after apply") {
        const auto estimate = create_throughput(
            R"({"model_arn": "arn:aws:bedrock:us-east-1::foundation-model/anthropic.claude-v2:1"})",
            R"({"model_units": true})");
        CHECK_FALSE(estimate.priced);
        CHECK(estimate.unpriced[0].name == "model_units");
    }
}
