#include "costgate/ingest/terraform_plan.hpp"

#include <catch2/catch.hpp>
#include <map>
#include <nlohmann/json.hpp>
#include <string>

TEST_CASE("plans with values the on-demand reader cannot convert exactly read as before") {
    // An integer beyond 64 bits makes the reader fall back to the whole document.
    const std::string text = R"({"format_version": "1.2", "resource_changes": [
        {"address": "aws_instance.a", "type": "aws_instance", "name": "a",
         "change": {"actions": ["create"], "before": null,
                    "after": {"instance_type": "m5.large", "big": 123456789012345678901234567890,
                              "tags": {"a": "2"}}}}]})";
    const auto resources = costgate::read_terraform_plan({"plan.json", text}, {});
    REQUIRE(resources.size() == 1);
    CHECK(resources[0].after->to_nlohmann().at("instance_type") == "m5.large");
    CHECK(resources[0].after->to_nlohmann().at("big").is_number_float());
    CHECK(resources[0].tags == std::map<std::string, std::string>{{"a", "2"}});
}

TEST_CASE("a key repeated with the same value reads as once, whichever reader takes the plan") {
    const std::string text = R"({"format_version": "1.2", "resource_changes": [
        {"address": "aws_instance.a", "type": "aws_instance", "name": "a",
         "change": {"actions": ["create"], "before": null,
                    "after": {"instance_type": "m5.large", "tags": {"a": "1", "b": "2", "a": "1"}}}}]})";
    const auto resources = costgate::read_terraform_plan({"plan.json", text}, {});
    REQUIRE(resources.size() == 1);
    CHECK(resources[0].tags == std::map<std::string, std::string>{{"a", "1"}, {"b", "2"}});
}

TEST_CASE("a number too large for a double is reported as nlohmann/json reports it") {
    const std::string text = R"({"format_version": "1.2", "resource_changes": [
        {"address": "aws_ebs_volume.a", "type": "aws_ebs_volume", "name": "a",
         "change": {"actions": ["create"], "before": null, "after": {"size": 1e400}}}]})";
    CHECK_THROWS_WITH(costgate::read_terraform_plan({"plan.json", text}, {}),
                      Catch::Contains("plan.json") && Catch::Contains("number overflow parsing '1e400'"));
}

TEST_CASE("a number too large for a double outside resource_changes is an error too") {
    // The outline only checked its syntax, so the fast path read this plan as valid.
    const std::string text = R"({"format_version": "1.2", "planned_values": {"x": -2E+999},
        "resource_changes": []})";
    CHECK_THROWS_WITH(costgate::read_terraform_plan({"plan.json", text}, {}),
                      Catch::Contains("plan.json") && Catch::Contains("number overflow parsing '-2E+999'"));
}
