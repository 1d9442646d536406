#include "policy_fixtures.hpp"

using namespace costgate;
using namespace costgate::policy;
using namespace costgate::testing;

namespace {

const std::string k_deployment =
    R"({"model": [{"name": "gpt-4o", "version": "2024-08-06"}], "sku": [{"name": "GlobalStandard"}]})";

// Two deployments as the estimator prices them, from the catalog rows
// azure/openai/gpt-4o-2024-08-06|input/global ($2.50 per 1M), |output/global ($10),
// |cached_input/global ($1.25) and azure/openai/gpt-4o-mini|input/global ($0.15),
// |output/global ($0.60).
PolicyRun deployments() {
    PolicyRun run;
    run.add("azurerm_cognitive_deployment.chat", "azurerm_cognitive_deployment", k_deployment, {},
            Action::create, 900);
    add_component(run, "1M tokens", 200, 2.5, "azure/openai/gpt-4o-2024-08-06|input/global");
    add_component(run, "1M tokens", 40, 10, "azure/openai/gpt-4o-2024-08-06|output/global");
    add_component(run, "1M tokens", std::nullopt, 1.25,
                  "azure/openai/gpt-4o-2024-08-06|cached_input/global");
    run.add("azurerm_cognitive_deployment.mini", "azurerm_cognitive_deployment", k_deployment, {},
            Action::create, 27);
    add_component(run, "1M tokens", 100, 0.15, "azure/openai/gpt-4o-mini|input/global");
    add_component(run, "1M tokens", 20, 0.6, "azure/openai/gpt-4o-mini|output/global");
    // Billed by the hour, not per token: never judged.
    run.add("aws_instance.gpu", "aws_instance", R"({"instance_type": "p3.2xlarge"})", {},
            Action::create, 2233.8);
    add_component(run, "hours", 730, 3.06, "aws/ec2/p3.2xlarge/us-east-1");
    return run;
}

} // namespace

TEST_CASE("token_prices caps the price per 1M tokens of each kind",
          "[policy][rules][token_prices]") {
    const PolicyRun run = deployments();
    const auto findings = run.evaluate(R"(rules:
  - id: price-cap
    kind: token_prices
    max_price_per_million_tokens: {input: 1, output: 5}
)");
    // gpt-4o: $2.50 input > $1, $10 output > $5; the cached price has no cap; gpt-4o-mini
    // is under both.
    REQUIRE(findings.size() == 2);
    CHECK(findings[0].resource == "azurerm_cognitive_deployment.chat");
    CHECK(findings[0].message == "azurerm_cognitive_deployment.chat uses gpt-4o-2024-08-06 at "
                                 "$10.00 per 1M output tokens, over the $5.00 cap");
    CHECK(findings[1].message == "azurerm_cognitive_deployment.chat uses gpt-4o-2024-08-06 at "
                                 "$2.50 per 1M input tokens, over the $1.00 cap");
    CHECK(findings[0].severity == Severity::fail);
}

TEST_CASE("one token price cap applies to every kind of token, usage or not",
          "[policy][rules][token_prices]") {
    const PolicyRun run = deployments();
    // $1.20: over it gpt-4o's input ($2.50), output ($10) and cached input ($1.25, a
    // component without usage); gpt-4o-mini's $0.15 and $0.60 are under.
    const auto findings = run.evaluate(R"y(rules:
  - id: price-cap
    kind: token_prices
    max_price_per_million_tokens: 1.2
    message: "{model} {kind} at {value} (cap {limit})"
)y");
    REQUIRE(findings.size() == 3);
    CHECK(findings[0].message == "gpt-4o-2024-08-06 cached_input at $1.25 (cap $1.20)");
    CHECK(findings[1].message == "gpt-4o-2024-08-06 input at $2.50 (cap $1.20)");
    CHECK(findings[2].message == "gpt-4o-2024-08-06 output at $10.00 (cap $1.20)");
}

TEST_CASE("token_prices findings can be exempted until the exemption expires",
          "[policy][rules][token_prices]") {
    check_exemptions_apply(
        deployments(),
        "rules:\n  - id: price-cap\n    kind: token_prices\n    max_price_per_million_tokens: 5\n",
        "price-cap", "azurerm_cognitive_deployment.*");
}

TEST_CASE("token_prices needs a cap", "[policy][rules][token_prices]") {
    PolicyRun run;
    CHECK_THROWS_WITH(run.evaluate("rules:\n  - id: t\n    kind: token_prices\n"),
                      Catch::Contains("token_prices needs \"max_price_per_million_tokens\""));
    CHECK_THROWS_WITH(run.evaluate("rules:\n  - id: t\n    kind: token_prices\n"
                                   "    max_price_per_million_tokens: {input: -1}\n"),
                      Catch::Contains("the cap of \"input\" must be from 0 to 1,000,000"));
}
