#include "pricing_fixtures.hpp"

#include <catch2/catch.hpp>

using namespace costgate;
using namespace costgate::pricing;
using namespace costgate::testing;

namespace {

ResourceEstimate create_deployment(const std::string& model, const std::string& sku,
                                   const Usage& usage = Usage()) {
    return estimate_one(
        terraform_resource("azurerm_cognitive_deployment.d", "azurerm_cognitive_deployment",
                           Action::create, "",
                           R"({"model": [)" + model + R"(], "sku": [)" + sku + "]}"),
        usage);
}

const std::string k_gpt_4o_mini =
    R"({"format": "OpenAI", "name": "gpt-4o-mini", "version": "2024-07-18"})";

const Usage k_usage = Usage::parse("u.yaml", R"(version: 1
resource_usage:
  azurerm_cognitive_deployment.d:
    monthly_input_tokens: 300000000
    monthly_output_tokens: 60000000
    monthly_cached_input_tokens: 100000000
)");

} // namespace

// azure/openai/gpt-4o-mini|input/global 0.15 and |output/global 0.6 per 1M tokens:
// 300 x 0.15 = 45.00 + 60 x 0.6 = 36.00 = 81.00. The list has no Global Standard cache
// price for gpt-4o-mini, so the cached tokens asked for are unpriced, key named.
TEST_CASE("a Global Standard deployment prices its tokens from the usage file",
          "[pricing][azure][ai]") {
    const auto estimate =
        create_deployment(k_gpt_4o_mini, R"({"name": "GlobalStandard", "capacity": 100})", k_usage);
    REQUIRE(estimate.components.size() == 2);
    CHECK(estimate.components[0].price_key == "azure/openai/gpt-4o-mini|input/global");
    CHECK(estimate.components[0].monthly_quantity == 300);
    CHECK(estimate.components[1].price_key == "azure/openai/gpt-4o-mini|output/global");
    CHECK(estimate.monthly_after->to_cents_string() == "81.00");
    REQUIRE(estimate.unpriced.size() == 1);
    CHECK(estimate.unpriced[0].price_key == "azure/openai/gpt-4o-mini|cached_input/global");
}

// azure/openai/gpt-4o-mini-2024-07-18 (the versioned list price, region any): input 0.165,
// output 0.66, cached input 0.075: 300 x 0.165 = 49.50 + 60 x 0.66 = 39.60
// + 100 x 0.075 = 7.50 = 96.60.
TEST_CASE("a Standard deployment uses the versioned model's list price", "[pricing][azure][ai]") {
    const auto estimate =
        create_deployment(k_gpt_4o_mini, R"({"name": "Standard", "capacity": 10})", k_usage);
    REQUIRE(estimate.priced);
    REQUIRE(estimate.components.size() == 3);
    CHECK(estimate.components[0].price_key == "azure/openai/gpt-4o-mini-2024-07-18|input/any");
    CHECK(estimate.components[2].name == "Cached input tokens (gpt-4o-mini-2024-07-18)");
    CHECK(estimate.monthly_after->to_cents_string() == "96.60");
    CHECK(has_note(estimate, "Standard (regional) deployment"));
}

TEST_CASE("without usage a deployment shows its unit prices, never $0", "[pricing][azure][ai]") {
    const auto estimate =
        create_deployment(k_gpt_4o_mini, R"({"name": "Standard", "capacity": 10})");
    REQUIRE(estimate.components.size() == 3);
    for (const CostComponent& component : estimate.components) {
        CHECK(component.usage_based);
        CHECK_FALSE(component.monthly_cost.has_value());
    }
    CHECK(estimate.components[0].unit_price == 0.165);
    // An embedding model has only an input price: no output part is made up.
    const auto embeddings = create_deployment(
        R"({"format": "OpenAI", "name": "text-embedding-3-small", "version": "1"})",
        R"({"name": "Standard", "capacity": 120})");
    REQUIRE(embeddings.components.size() == 1);
    CHECK(embeddings.components[0].unit_price == 0.02);
    CHECK(embeddings.unpriced.empty());
}

TEST_CASE("provisioned and data-zone deployments without a price are unpriced with the key",
          "[pricing][azure][ai]") {
    const auto provisioned =
        create_deployment(k_gpt_4o_mini, R"({"name": "GlobalProvisionedManaged", "capacity": 50})");
    CHECK_FALSE(provisioned.priced);
    REQUIRE(provisioned.unpriced.size() == 1);
    CHECK(provisioned.unpriced[0].price_key ==
          "azure/openai_provisioned/GlobalProvisionedManaged/any");

    const auto data_zone =
        create_deployment(k_gpt_4o_mini, R"({"name": "DataZoneStandard", "capacity": 50})");
    CHECK_FALSE(data_zone.priced);
    CHECK(data_zone.unpriced[0].reason.find("Data Zone") != std::string::npos);
}

// With a PTU price from an overlay (a made-up test rate of $1.00 per PTU hour):
// 50 PTUs x 730 hours x $1.00 = $36,500.00.
TEST_CASE("a provisioned deployment is PTUs x 730 hours where a price exists",
          "[pricing][azure][ai]") {
    Catalog catalog = Catalog::embedded();
    catalog.add_csv("ptu.csv", "provider,service,product,region,unit,price,terms,source,"
                               "source_detail,as_of\nazure,openai_provisioned,"
                               "GlobalProvisionedManaged,any,PTU-hour,1,,test rate,,2026-11-01\n");
    const Resource resource = terraform_resource(
        "azurerm_cognitive_deployment.d", "azurerm_cognitive_deployment", Action::create, "",
        R"({"model": [)" + k_gpt_4o_mini +
            R"(], "sku": [{"name": "GlobalProvisionedManaged", "capacity": 50}]})");
    const auto estimate = estimate_costs({resource}, catalog, Usage(), {}).resources.at(0).estimate;
    REQUIRE(estimate.priced);
    REQUIRE(estimate.components.size() == 1);
    CHECK(estimate.components[0].monthly_quantity == 36500);
    CHECK(estimate.monthly_after->to_cents_string() == "36500.00");
}
