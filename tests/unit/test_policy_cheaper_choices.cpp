#include "costgate/policy/evaluator.hpp"
#include "costgate/policy/policy.hpp"
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

namespace {

// An aws_instance on `instance_type` in eu-central-1, priced at `hourly` x 730 hours,
// judged by a $500 cap per resource and the policy's `regions` rules.
std::vector<Finding> capped_instance(const std::string& instance_type, double hourly,
                                     const std::string& regions_rules,
                                     const pricing::Catalog& catalog) {
    Estimate estimate;
    PricedResource priced;
    priced.resource.type = "aws_instance";
    priced.resource.address = "aws_instance.train";
    priced.resource.cloud = Cloud::aws;
    priced.resource.region = "eu-central-1";
    priced.resource.after =
        JsonTree(nlohmann::json::parse(R"({"instance_type": ")" + instance_type + R"("})"));
    priced.estimate.components.push_back(
        machine("aws/ec2/" + instance_type + "/eu-central-1", 730, hourly));
    priced.estimate.monthly_before = Money::from_double(0);
    priced.estimate.monthly_after = Money::from_double(730 * hourly);
    priced.estimate.monthly_delta = priced.estimate.monthly_after;
    estimate.add(std::move(priced));
    const Policy policy = parse_policy("p.yaml", "version: 1\nrules:\n"
                                                 "  - id: cap\n    kind: resource_cost\n"
                                                 "    max_monthly: 500\n" +
                                                     regions_rules);
    EvaluationInput input{estimate, util::Date{2026, 11, 22}};
    input.catalog = &catalog;
    return evaluate_policy(policy, input);
}

} // namespace

TEST_CASE("a GPU machine names the cheapest region the policy allows for it",
          "[policy][cheaper_choices]") {
    const pricing::Catalog catalog = pricing::Catalog::embedded();
    // aws/ec2/g5.xlarge/eu-central-1 is $1.258 an hour: 730 h = $918.34, over the $500 cap.
    // Of the eu-* regions the catalog prices g5.xlarge in, eu-north-1 is the cheapest at
    // $1.067: 1.067 / 1.258 = 84.82%.
    const std::string eu_only = "  - id: where\n    kind: regions\n    allow: [\"eu-*\"]\n";
    auto findings = capped_instance("g5.xlarge", 1.258, eu_only, catalog);
    REQUIRE(findings.size() == 1);
    CHECK(findings[0].message ==
          "aws_instance.train costs $918.34 a month, over the $500.00 cap per resource; the same "
          "g5.xlarge in eu-north-1, which the policy allows, costs $1.067 an hour (84.82% of "
          "$1.258 in eu-central-1)");
    // Denied there, the next cheapest: eu-west-1 at $1.123 (89.27%).
    findings = capped_instance("g5.xlarge", 1.258,
                               eu_only + "  - id: not-stockholm\n    kind: regions\n"
                                         "    deny: [eu-north-1]\n",
                               catalog);
    REQUIRE(findings.size() == 1);
    CHECK_THAT(findings[0].message, Catch::EndsWith("the same g5.xlarge in eu-west-1, which the "
                                                    "policy allows, costs $1.123 an hour (89.27% "
                                                    "of $1.258 in eu-central-1)"));
    // Where the policy says nothing of regions, no region is suggested; nor for a machine
    // without GPUs (m5.4xlarge, $0.92 in eu-central-1: $671.60).
    findings = capped_instance("g5.xlarge", 1.258, "", catalog);
    REQUIRE(findings.size() == 1);
    CHECK(findings[0].message ==
          "aws_instance.train costs $918.34 a month, over the $500.00 cap per resource");
    findings = capped_instance("m5.4xlarge", 0.92, eu_only, catalog);
    REQUIRE(findings.size() == 1);
    CHECK(findings[0].message ==
          "aws_instance.train costs $671.60 a month, over the $500.00 cap per resource");
}
