#include "costgate/pricing/ai_models.hpp"
#include "policy/cheaper_choices.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

using namespace costgate;
using namespace costgate::policy;

namespace {

CostComponent machine(const std::string& key, double hours, double unit_price) {
    CostComponent component;
    component.unit = "hours";
    component.monthly_quantity = hours;
    component.unit_price = unit_price;
    component.price_key = key;
    return component;
}

PricedResource node_pool(const CostComponent& component) {
    PricedResource priced;
    priced.resource.type = "google_container_node_pool";
    priced.resource.address = "google_container_node_pool.gpu";
    priced.resource.cloud = Cloud::gcp;
    priced.resource.after =
        JsonTree(nlohmann::json::parse(R"({"node_config": [{"machine_type": "n1-standard-8"}]})"));
    priced.estimate.components.push_back(component);
    return priced;
}

} // namespace

TEST_CASE("smaller models come from the family list, versions included",
          "[policy][cheaper_choices]") {
    CHECK(pricing::smaller_model_of("gpt-4o") == "gpt-4o-mini");
    CHECK(pricing::smaller_model_of("gpt-4o-2024-08-06") == "gpt-4o-mini");
    CHECK(pricing::smaller_model_of("gpt-4.1-mini-2025-04-14") == "gpt-4.1-nano");
    // The small model itself has no smaller one listed; unknown models have none.
    CHECK_FALSE(pricing::smaller_model_of("gpt-4o-mini"));
    CHECK_FALSE(pricing::smaller_model_of("my-fine-tune"));
}

TEST_CASE("a token price names the smaller model and its share of the price from the catalog",
          "[policy][cheaper_choices]") {
    const pricing::Catalog catalog = pricing::Catalog::embedded();
    // azure/openai/gpt-4o-2024-08-06|output/global is $10 per 1M and
    // azure/openai/gpt-4o-mini|output/global $0.60: 0.6 / 10 = 6%.
    const TokenPrice output{"azure", "openai", "global", "gpt-4o-2024-08-06", "output", 10};
    CHECK(smaller_model_text(catalog, output, "USD") ==
          "gpt-4o-mini, the smaller model of its family, costs $0.60 per 1M output tokens (6% of "
          "the price)");
    // |input/global: $0.15 against $2.50 = 6%.
    const TokenPrice input{"azure", "openai", "global", "gpt-4o-2024-08-06", "input", 2.5};
    CHECK(smaller_model_text(catalog, input, "USD") ==
          "gpt-4o-mini, the smaller model of its family, costs $0.15 per 1M input tokens (6% of "
          "the price)");
    // The catalog has no gpt-4o-mini|cached_input/global, nor prices in a region it does
    // not list: no suggestion, never a guess.
    const TokenPrice cached{"azure", "openai", "global", "gpt-4o-2024-08-06", "cached_input", 1.25};
    CHECK(smaller_model_text(catalog, cached, "USD").empty());
    const TokenPrice elsewhere{"azure", "openai", "mars", "gpt-4o-2024-08-06", "output", 10};
    CHECK(smaller_model_text(catalog, elsewhere, "USD").empty());
}

TEST_CASE("an on-demand machine names its spot price where the catalog has one",
          "[policy][cheaper_choices]") {
    const pricing::Catalog catalog = pricing::Catalog::embedded();
    // gcp/compute_engine/n1-standard-8/us-central1 is $0.379998 an hour and
    // gcp/compute_engine_spot/n1-standard-8/us-central1 $0.13402: 0.13402 / 0.379998 = 35.27%.
    const PricedResource on_demand =
        node_pool(machine("gcp/compute_engine/n1-standard-8/us-central1", 1460, 0.379998));
    CHECK(spot_price_text(catalog, on_demand, "USD") ==
          "spot n1-standard-8 in us-central1 costs $0.13402 an hour (35.27% of the on-demand "
          "$0.379998)");
    // Already spot, or a catalog without spot prices (EC2): nothing to suggest.
    CHECK(spot_price_text(catalog,
                          node_pool(machine("gcp/compute_engine_spot/n1-standard-8/us-central1",
                                            1460, 0.13402)),
                          "USD")
              .empty());
    PricedResource ec2 = node_pool(machine("aws/ec2/p3.2xlarge/us-east-1", 730, 3.06));
    ec2.resource.type = "aws_instance";
    ec2.resource.cloud = Cloud::aws;
    ec2.resource.after = JsonTree(nlohmann::json::parse(R"({"instance_type": "p3.2xlarge"})"));
    CHECK(spot_price_text(catalog, ec2, "USD").empty());
}
