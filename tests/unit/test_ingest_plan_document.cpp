#include "costgate/ingest/terraform_plan.hpp"
#include "costgate/util/input_file.hpp"

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <string>

using namespace costgate;
using namespace costgate::util;
using namespace costgate::ingest;

TEST_CASE("an integer beyond 64 bits in a plan reads as a double, as nlohmann/json reads it") {
    // simdjson's DOM parser rejects it; the piece is read again with On-Demand.
    const std::string text = R"({"format_version": "1.2", "resource_changes": [
        {"address": "aws_instance.a", "type": "aws_instance", "name": "a",
         "change": {"actions": ["create"], "before": null,
                    "after": {"instance_type": "m5.large", "big": 123456789012345678901234567890,
                              "tags": {"a": "2"}}}}]})";
    const auto resources = costgate::ingest::read_terraform_plan({"plan.json", text}, {});
    REQUIRE(resources.size() == 1);
    CHECK(resources[0].after->to_nlohmann().at("instance_type") == "m5.large");
    CHECK(resources[0].after->to_nlohmann().at("big").is_number_float());
    CHECK(resources[0].tags == std::map<std::string, std::string>{{"a", "2"}});
}

TEST_CASE("a key repeated with the same value in a plan reads as once") {
    const std::string text = R"({"format_version": "1.2", "resource_changes": [
        {"address": "aws_instance.a", "type": "aws_instance", "name": "a",
         "change": {"actions": ["create"], "before": null,
                    "after": {"instance_type": "m5.large", "tags": {"a": "1", "b": "2", "a": "1"}}}}]})";
    const auto resources = costgate::ingest::read_terraform_plan({"plan.json", text}, {});
    REQUIRE(resources.size() == 1);
    CHECK(resources[0].tags == std::map<std::string, std::string>{{"a", "1"}, {"b", "2"}});
}

TEST_CASE("a number too large for a double is reported as nlohmann/json reports it") {
    const std::string text = R"({"format_version": "1.2", "resource_changes": [
        {"address": "aws_ebs_volume.a", "type": "aws_ebs_volume", "name": "a",
         "change": {"actions": ["create"], "before": null, "after": {"size": 1e400}}}]})";
    CHECK_THROWS_WITH(costgate::ingest::read_terraform_plan({"plan.json", text}, {}),
                      Catch::Contains("plan.json") &&
                          Catch::Contains("number overflow parsing '1e400'"));
}

TEST_CASE("a number too large for a double outside resource_changes is an error too") {
    const std::string text = R"({"format_version": "1.2", "planned_values": {"x": -2E+999},
        "resource_changes": []})";
    CHECK_THROWS_WITH(costgate::ingest::read_terraform_plan({"plan.json", text}, {}),
                      Catch::Contains("plan.json") &&
                          Catch::Contains("number overflow parsing '-2E+999'"));
}

TEST_CASE("a plan larger than the release step reads the same as its text in memory") {
    // 40,000 entries (about 12 MB): the reader gives back the text behind it as it goes.
    std::string text =
        R"({"format_version": "1.2", "planned_values": {"root_module": {}}, "resource_changes": [)";
    for (int i = 0; i < 40000; ++i)
        text +=
            std::string(i ? "," : "") + R"({"address": "aws_ebs_volume.v)" + std::to_string(i) +
            R"(", "type": "aws_ebs_volume", "name": "v", "change": {"actions": ["create"], "before": null,)" +
            R"( "after": {"availability_zone": "us-east-1a", "size": )" +
            std::to_string(i % 500 + 1) + R"(, "tags": {"team": "t)" + std::to_string(i % 7) +
            R"(", "note": ")" + std::string(150, 'n') + R"("}},)" +
            R"( "after_unknown": {"id": true, "tags": {}}}})";
    text += R"(], "prior_state": {"values": {}}})";
    const auto path = std::filesystem::temp_directory_path() / "costgate_test_large_plan.json";
    std::ofstream(path, std::ios::binary) << text;
    const auto from_file =
        costgate::ingest::read_terraform_plan(costgate::util::read_input(path.string()), {});
    const auto from_memory = costgate::ingest::read_terraform_plan({"plan.json", text}, {});
    REQUIRE(from_file.size() == 40000);
    REQUIRE(from_memory.size() == 40000);
    for (std::size_t i = 0; i < from_file.size(); i += 997) {
        CHECK(from_file[i].address == from_memory[i].address);
        CHECK(from_file[i].after == from_memory[i].after);
        CHECK(from_file[i].after_unknown.to_nlohmann() == nlohmann::json{{"id", true}});
        CHECK(from_file[i].region == "us-east-1");
        CHECK(from_file[i].tags.at("team") == from_memory[i].tags.at("team"));
    }
    CHECK(from_file.back().after->root().find("size").number() == 39999 % 500 + 1);
    std::filesystem::remove(path);
}
