#include "costgate/model/error.hpp"
#include "pricing_fixtures.hpp"

#include <catch2/catch.hpp>

using namespace costgate;
using namespace costgate::pricing;
using namespace costgate::testing;

namespace {

const std::string k_endpoint = R"({"name": "ranker", "endpoint_config_name": "ranker-config"})";

ResourceEstimate estimate_endpoint(const std::vector<Resource>& run, const Catalog& catalog) {
    for (const auto& priced : estimate_costs(run, catalog, Usage(), {}).resources)
        if (priced.resource.type == "aws_sagemaker_endpoint")
            return priced.estimate;
    FAIL("no aws_sagemaker_endpoint in the run");
    return {};
}

Resource configuration(const std::string& variants) {
    return terraform_resource("aws_sagemaker_endpoint_configuration.c",
                              "aws_sagemaker_endpoint_configuration", Action::create, "",
                              R"({"name": "ranker-config", "production_variants": )" + variants +
                                  "}");
}

} // namespace

TEST_CASE("a SageMaker endpoint is priced through its endpoint configuration's variants",
          "[pricing][aws][ai]") {
    const Catalog embedded = Catalog::embedded();
    const Resource endpoint = terraform_resource(
        "aws_sagemaker_endpoint.e", "aws_sagemaker_endpoint", Action::create, "", k_endpoint);
    const Resource config = configuration(
        R"([{"variant_name": "primary", "instance_type": "ml.g5.xlarge", "initial_instance_count": 2},
            {"variant_name": "shadow", "serverless_config": [{"memory_size_in_mb": 2048}]}])");

    SECTION("the embedded catalog has no SageMaker hosting prices: unpriced, key named") {
        const auto estimate = estimate_endpoint({config, endpoint}, embedded);
        CHECK_FALSE(estimate.priced);
        REQUIRE(estimate.unpriced.size() == 2);
        CHECK(estimate.unpriced[0].price_key == "aws/sagemaker/ml.g5.xlarge|hosting/us-east-1");
        CHECK(estimate.unpriced[1].name == "shadow: serverless inference");
    }
    SECTION("an overlay's price is used: 2 instances x 730 hours x $1.50 = $2,190.00") {
        Catalog catalog = Catalog::embedded();
        catalog.add_csv("sagemaker.csv",
                        "provider,service,product,region,unit,price,terms,source,source_detail,"
                        "as_of\naws,sagemaker,ml.g5.xlarge|hosting,us-east-1,hour,1.5,,test "
                        "overlay,,2026-11-01\n");
        const auto estimate = estimate_endpoint({config, endpoint}, catalog);
        REQUIRE(estimate.components.size() == 1);
        CHECK(estimate.components[0].monthly_quantity == 1460);
        CHECK(estimate.monthly_after->to_cents_string() == "2190.00");
    }
    SECTION("without its configuration in the plan it is unpriced with the reason") {
        const auto estimate = estimate_endpoint({endpoint}, embedded);
        CHECK_FALSE(estimate.priced);
        CHECK(estimate.unpriced[0].reason.find("endpoint configuration") != std::string::npos);
    }
}
