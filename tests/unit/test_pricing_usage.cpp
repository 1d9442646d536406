#include "costgate/model/error.hpp"
#include "pricing_fixtures.hpp"

#include <catch2/catch.hpp>

using namespace costgate;
using namespace costgate::pricing;
using namespace costgate::testing;

TEST_CASE("usage is looked up by address, then glob, then type default", "[pricing][usage]") {
    const Usage usage = Usage::parse("u.yaml", R"(version: 1
resource_type_default_usage:
  aws_nat_gateway:
    monthly_data_processed_gb: 10
resource_usage:
  "module.*.aws_nat_gateway.main":
    monthly_data_processed_gb: 20
  module.a.aws_nat_gateway.main:
    monthly_data_processed_gb: 30
)");
    CHECK(usage.value("module.a.aws_nat_gateway.main", "aws_nat_gateway",
                      "monthly_data_processed_gb") == 30);
    CHECK(usage.value("module.b.aws_nat_gateway.main", "aws_nat_gateway",
                      "monthly_data_processed_gb") == 20);
    CHECK(usage.value("aws_nat_gateway.other", "aws_nat_gateway", "monthly_data_processed_gb") ==
          10);
    CHECK_FALSE(usage.value("aws_lb.x", "aws_lb", "monthly_capacity_units").has_value());
}

TEST_CASE("usage-based components are priced only when usage is given", "[pricing][usage]") {
    const auto resource =
        terraform_resource("aws_nat_gateway.main", "aws_nat_gateway", Action::create, "", "{}");
    const auto without = estimate_one(resource);
    REQUIRE(without.components.size() == 2);
    CHECK(without.components[1].usage_based);
    CHECK_FALSE(without.components[1].monthly_cost.has_value());
    CHECK(without.monthly_after->to_cents_string() == "32.85");

    const auto with =
        estimate_one(resource, Usage::parse("u.yaml", "version: 1\nresource_usage:\n"
                                                      "  aws_nat_gateway.main:\n"
                                                      "    monthly_data_processed_gb: 1000\n"));
    CHECK(with.components[1].monthly_quantity == 1000);
    CHECK(with.monthly_after->to_cents_string() == "77.85");
}

TEST_CASE("bad usage files are errors naming file, line and column", "[pricing][usage]") {
    CHECK_THROWS_WITH(Usage::parse("u.yaml", "resource_usage: {}\n"),
                      Catch::Contains("version: 1"));
    CHECK_THROWS_WITH(
        Usage::parse("u.yaml", "version: 1\nresource_usage:\n  aws_lb.x:\n    monthly_gb: 1\n"),
        Catch::StartsWith("u.yaml:4:5: unknown usage key \"monthly_gb\" for aws_lb"));
    CHECK_THROWS_WITH(
        Usage::parse("u.yaml",
                     "version: 1\nresource_usage:\n  aws_lb.x:\n    monthly_capacity_units: -1\n"),
        Catch::StartsWith("u.yaml:4:") && Catch::Contains("must not be negative"));
    CHECK_THROWS_WITH(
        Usage::parse(
            "u.yaml",
            "version: 1\nresource_usage:\n  aws_lb.x:\n    monthly_capacity_units: lots\n"),
        Catch::Contains("must be a number"));
    CHECK_THROWS_WITH(Usage::parse("u.yaml", "version: 1\nresources: {}\n"),
                      Catch::StartsWith("u.yaml:2:1: unknown key \"resources\""));
    CHECK_THROWS_WITH(Usage::parse("u.yaml", "version: 1\nresource_usage:\n  \"*.x\":\n    a: 1\n"),
                      Catch::Contains("literal type"));
}

TEST_CASE("usage for an address that matches no resource is named with its line",
          "[pricing][usage]") {
    const Usage usage = Usage::parse("u.yaml", R"(version: 1
resource_usage:
  aws_nat_gateway.main:
    monthly_data_processed_gb: 1
  "module.*.aws_nat_gateway.main":
    monthly_data_processed_gb: 2
  aws_nat_gateway.mian:
    monthly_data_processed_gb: 3
)");
    const std::vector<Resource> resources = {
        terraform_resource("aws_nat_gateway.main", "aws_nat_gateway", Action::create, "", "{}"),
        terraform_resource("module.a.aws_nat_gateway.main", "aws_nat_gateway", Action::create, "",
                           "{}")};
    CHECK(usage.unmatched_addresses(resources) ==
          std::vector<std::string>{"u.yaml:7:3: resource_usage \"aws_nat_gateway.mian\" matches "
                                   "no resource of this run: its usage is not used"});
    CHECK(usage.unmatched_addresses({}).size() == 3);
}

TEST_CASE("usage values are plain numbers", "[pricing][usage]") {
    for (const char* value : {"'100'", "0x10", "1_000", ".nan", "!!str 5", "[1]"}) {
        CAPTURE(value);
        CHECK_THROWS_WITH(Usage::parse("u.yaml", std::string("version: 1\nresource_usage:\n  "
                                                             "aws_nat_gateway.main:\n    "
                                                             "monthly_data_processed_gb: ") +
                                                     value + "\n"),
                          Catch::StartsWith("u.yaml:4:32: usage \"monthly_data_processed_gb\" "
                                            "must be a number"));
    }
}

TEST_CASE("a usage entry may name the hosted model a workload calls", "[pricing][usage]") {
    const Usage usage = Usage::parse("u.yaml", R"(version: 1
resource_usage:
  chat/Deployment/bot:
    model: openai/api/gpt-4o-mini
    monthly_input_tokens: 1000000
)");
    CHECK(usage.text("chat/Deployment/bot", "Deployment", "model") == "openai/api/gpt-4o-mini");
    CHECK(usage.value("chat/Deployment/bot", "Deployment", "monthly_input_tokens") == 1e6);
    CHECK_FALSE(usage.text("chat/Deployment/other", "Deployment", "model"));
    // A name, not a list; and only where the type calls models.
    CHECK_THROWS_WITH(Usage::parse("u.yaml", "version: 1\nresource_usage:\n  chat/Deployment/bot:\n"
                                             "    model: [openai, api]\n"),
                      Catch::StartsWith("u.yaml:4:12: usage \"model\" must be a name"));
    CHECK_THROWS_WITH(
        Usage::parse("u.yaml", "version: 1\nresource_usage:\n  aws_lb.x:\n    model: gpt\n"),
        Catch::StartsWith("u.yaml:4:5: unknown usage key \"model\" for aws_lb"));
}

TEST_CASE("unit volumes are read for the project and by address or glob",
          "[pricing][usage][unit_volumes]") {
    const Usage usage = Usage::parse("u.yaml", R"(version: 1
unit_volumes:
  project: {unit: requests, monthly_units: 2000000}
  resources:
    "azurerm_cognitive_deployment.*": {unit: requests, monthly_units: 1e6}
    azurerm_cognitive_deployment.chat:
      unit: cases resolved
      monthly_units: 40000
)");
    const UnitVolumes& volumes = usage.unit_volumes();
    CHECK(volumes.project() == UnitVolume{"requests", 2'000'000});
    // The exact address wins over a glob written before it.
    CHECK(volumes.of_resource("azurerm_cognitive_deployment.chat") ==
          UnitVolume{"cases resolved", 40'000});
    CHECK(volumes.of_resource("azurerm_cognitive_deployment.embeddings") ==
          UnitVolume{"requests", 1'000'000});
    CHECK_FALSE(volumes.of_resource("aws_instance.web").has_value());

    const std::vector<Resource> resources = {
        terraform_resource("aws_instance.web", "aws_instance", Action::create, "", "{}")};
    const auto unmatched = usage.unmatched_addresses(resources);
    REQUIRE(unmatched.size() == 2);
    CHECK(unmatched[0] == "u.yaml:5:5: unit_volumes.resources \"azurerm_cognitive_deployment.*\" "
                          "matches no resource of this run: its volume is not used");
}

TEST_CASE("bad unit volumes are errors naming file, line and column",
          "[pricing][usage][unit_volumes]") {
    const auto parse = [](const std::string& volumes) {
        return Usage::parse("u.yaml", "version: 1\nunit_volumes:\n" + volumes);
    };
    CHECK_THROWS_WITH(parse("  project: {unit: requests, monthly_units: 0}\n"),
                      Catch::StartsWith("u.yaml:3:44: \"monthly_units\" must be a whole number "
                                        "from 1 to 2^53"));
    CHECK_THROWS_WITH(parse("  project: {unit: requests, monthly_units: -5}\n"),
                      Catch::StartsWith("u.yaml:3:44: \"monthly_units\" must be a whole number"));
    CHECK_THROWS_WITH(parse("  project: {unit: requests, monthly_units: 2.5}\n"),
                      Catch::StartsWith("u.yaml:3:44: \"monthly_units\" must be a whole number"));
    CHECK_THROWS_WITH(parse("  project: {unit: requests}\n"),
                      Catch::StartsWith("u.yaml:3:12: the unit \"requests\" of "
                                        "unit_volumes.project needs a volume"));
    CHECK_THROWS_WITH(parse("  project: {monthly_units: 10}\n"),
                      Catch::StartsWith("u.yaml:3:12: unit_volumes.project is missing \"unit\""));
    CHECK_THROWS_WITH(parse("  project: {unit: requests, monthly_units: 10, per: day}\n"),
                      Catch::StartsWith("u.yaml:3:48: unknown key \"per\""));
    CHECK_THROWS_WITH(parse("  projects: {}\n"),
                      Catch::StartsWith("u.yaml:3:3: unknown key \"projects\" in unit_volumes"));
    CHECK_THROWS_WITH(parse("  resources:\n    aws_lb.x: {unit: \"a\\nb\", monthly_units: 1}\n"),
                      Catch::StartsWith("u.yaml:4:22: \"unit\" must be one line"));
    CHECK_THROWS_WITH(parse("  project: {unit: requests, monthly_units: \"1000\"}\n"),
                      Catch::Contains("must be a number"));
}
