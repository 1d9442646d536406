#include "costgate/ingest/k8s_manifests.hpp"
#include "pricing_fixtures.hpp"

#include <catch2/catch.hpp>

using namespace costgate;
using namespace costgate::ingest;
using namespace costgate::pricing;

namespace {

// A Deployment `bot` (line 1) with `annotations` on the workload, one container
// requesting 1 vCPU and 1 GiB.
std::string deployment(const std::string& annotations) {
    return "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: bot\n" + annotations +
           "spec:\n  template:\n    spec:\n      containers:\n"
           "      - {name: a, resources: {requests: {cpu: '1', memory: 1Gi}}}\n";
}

const std::string k_calls_gpt_4o_mini =
    deployment("  annotations: {costgate.io/model: openai/api/gpt-4o-mini}\n");

Estimate estimate(const std::string& manifest, const std::string& usage_yaml = "") {
    const Usage usage = usage_yaml.empty() ? Usage() : Usage::parse("usage.yml", usage_yaml);
    return estimate_costs(read_k8s_manifest_text({"app.yaml", manifest}), Catalog::embedded(),
                          usage, {});
}

const CostComponent* component_named(const ResourceEstimate& estimate, const std::string& prefix) {
    for (const CostComponent& component : estimate.components)
        if (component.name.rfind(prefix, 0) == 0)
            return &component;
    return nullptr;
}

} // namespace

TEST_CASE("a workload's hosted-model tokens are priced from the annotation and the usage file",
          "[pricing][k8s][ai]") {
    const Estimate priced = estimate(k_calls_gpt_4o_mini, R"(version: 1
resource_usage:
  default/Deployment/bot:
    monthly_input_tokens: 150000000
    monthly_output_tokens: 40000000
)");
    const ResourceEstimate& bot = priced.resources.at(0).estimate;
    // openai/api/gpt-4o-mini|input/any $0.15 and |output/any $0.60 per 1M tokens:
    // 150 x 0.15 = $22.50; 40 x 0.60 = $24.00.
    const CostComponent* input = component_named(bot, "Input tokens (gpt-4o-mini)");
    REQUIRE(input);
    CHECK(input->price_key == "openai/api/gpt-4o-mini|input/any");
    CHECK(input->monthly_cost == Money::from_double(22.50));
    const CostComponent* output = component_named(bot, "Output tokens (gpt-4o-mini)");
    REQUIRE(output);
    CHECK(output->monthly_cost == Money::from_double(24.00));
    // gpt-4o-mini has a cache price: shown without usage, and without a cost.
    const CostComponent* cached = component_named(bot, "Cached input tokens (gpt-4o-mini)");
    REQUIRE(cached);
    CHECK_FALSE(cached->monthly_cost);
    CHECK(cached->usage_based);
    CHECK(bot.priced);
}

TEST_CASE("the usage file's model wins over the annotation, and a region prices it there",
          "[pricing][k8s][ai]") {
    const Estimate priced = estimate(k_calls_gpt_4o_mini, R"(version: 1
resource_usage:
  default/Deployment/bot:
    model: azure/openai/gpt-4o-mini/global
    monthly_input_tokens: 100000000
)");
    const CostComponent* input =
        component_named(priced.resources.at(0).estimate, "Input tokens (gpt-4o-mini)");
    REQUIRE(input);
    // azure/openai/gpt-4o-mini|input/global: $0.15 per 1M; 100 x 0.15 = $15.00.
    CHECK(input->price_key == "azure/openai/gpt-4o-mini|input/global");
    CHECK(input->monthly_cost == Money::from_double(15.00));
}

TEST_CASE("tokens of a model the catalog does not list are unpriced with the key, never $0",
          "[pricing][k8s][ai]") {
    const Estimate priced =
        estimate(deployment("  annotations: {costgate.io/model: anthropic/api/claude-none-1}\n"));
    const ResourceEstimate& bot = priced.resources.at(0).estimate;
    CHECK_FALSE(bot.priced);
    REQUIRE(bot.unpriced.size() == 1);
    CHECK(bot.unpriced[0].price_key == "anthropic/api/claude-none-1|input/any");
}

TEST_CASE("a costgate.io/model that is not PROVIDER/SERVICE/MODEL[/REGION] is bad input",
          "[pricing][k8s][ai]") {
    for (const std::string bad :
         {"gpt-4o-mini", "openai/gpt-4o-mini", "openai//gpt-4o-mini", "a/b/c/d/e"}) {
        INFO(bad);
        try {
            estimate(deployment("  annotations: {costgate.io/model: \"" + bad + "\"}\n"));
            FAIL("no error");
        } catch (const InputError& error) {
            CHECK_THAT(error.what(),
                       Catch::Contains("app.yaml:1: default/Deployment/bot: metadata.annotations"
                                       "[\"costgate.io/model\"] \"" +
                                       bad + "\" must be PROVIDER/SERVICE/MODEL"));
        }
    }
}
