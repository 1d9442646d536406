#include "costgate/model/error.hpp"
#include "costgate/pricing/attributes.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

using namespace costgate;
using namespace costgate::pricing;

namespace {

// The attributes {"v": <json>}, nothing unknown.
struct One {
    explicit One(const std::string& json) : tree(nlohmann::json::parse("{\"v\": " + json + "}")) {}
    Attributes attributes() const { return {tree.root(), JsonValue()}; }
    JsonTree tree;
};

} // namespace

TEST_CASE("a number attribute is read or refused, never taken as not set", "[pricing]") {
    for (const auto& [json, value] :
         std::vector<std::pair<std::string, double>>{{"100", 100},
                                                     {"0", 0},
                                                     {"-0.0", 0},
                                                     {"1e9", 1e9},
                                                     {"\"100\"", 100},
                                                     {"\"2.5\"", 2.5}}) {
        CAPTURE(json);
        const auto number = One(json).attributes().number("v");
        REQUIRE(number);
        CHECK(*number == value);
        CHECK_FALSE(std::signbit(*number)); // -0.0 printed "-0 GB-months"
    }
    for (const char* json : {"\"abc\"", "\"\"", "\"0x10\"", "\"1_000\"", "\"nan\"", "[100]",
                             "{\"a\": 1}", "true", "-1", "1e10", "\"-5\"", "\"three\""}) {
        CAPTURE(json);
        CHECK_THROWS_WITH(One(json).attributes().number("v"),
                          Catch::StartsWith("\"v\" must be a number from 0 to 1e9, found "));
    }
    CHECK_FALSE(One("null").attributes().number("v"));
    CHECK_FALSE(One("1").attributes().number("absent"));
}

TEST_CASE("a number given to a string attribute is read as Terraform converts it", "[pricing]") {
    // Terraform source read without a plan keeps `cache_cluster_size = 0.5` and
    // `engine_version = 5.7` as numbers; Terraform's plan holds "0.5" and "5.7". Before, the
    // source input was refused as bad input (exit 2).
    for (const auto& [json, text] :
         std::vector<std::pair<std::string, std::string>>{{"0.5", "0.5"},
                                                          {"5.7", "5.7"},
                                                          {"237", "237"},
                                                          {"-0.0", "0"},
                                                          {"1e20", "100000000000000000000"}}) {
        CAPTURE(json);
        CHECK(One(json).attributes().string("v") == text);
        CHECK(One(json).attributes().text("v") == text);
    }
    CHECK(One("[1.5, \"b\"]").attributes().strings("v") == std::vector<std::string>{"1.5", "b"});
}

TEST_CASE("string, boolean and list attributes of another type are refused", "[pricing]") {
    CHECK(One("\"gp3\"").attributes().string("v") == "gp3");
    for (const char* json : {"true", "[\"gp3\"]", "{}"})
        CHECK_THROWS_WITH(One(json).attributes().string("v"),
                          Catch::StartsWith("\"v\" must be a string, found "));
    CHECK_FALSE(One("null").attributes().string("v"));

    CHECK(One("true").attributes().boolean("v") == true);
    for (const char* json : {"\"true\"", "1", "[true]"})
        CHECK_THROWS_WITH(One(json).attributes().boolean("v"),
                          Catch::StartsWith("\"v\" must be true or false, found "));

    CHECK(One("\"STANDARD\"").attributes().text("v") == "STANDARD");
    CHECK(One("false").attributes().text("v") == "false");
    for (const char* json : {"[true]", "{}"})
        CHECK_THROWS_WITH(
            One(json).attributes().text("v"),
            Catch::StartsWith("\"v\" must be a string, a number or true or false, found "));
    CHECK_FALSE(One("null").attributes().text("v"));

    CHECK(One(R"(["m5.large", null])").attributes().strings("v") ==
          std::vector<std::string>{"m5.large"});
    for (const char* json : {"\"m5.large\"", "[true]", "[[\"a\"]]", "{}"})
        CHECK_THROWS_WITH(One(json).attributes().strings("v"),
                          Catch::StartsWith("\"v\" must be a list of strings, found "));
    CHECK(One("null").attributes().strings("v").empty());
}

TEST_CASE("an attribute unknown until apply is not read", "[pricing]") {
    const JsonTree values(nlohmann::json::parse(R"({"v": "abc"})"));
    const JsonTree unknown(nlohmann::json::parse(R"({"v": true})"));
    const Attributes attributes(values.root(), unknown.root());
    CHECK_FALSE(attributes.number("v"));
    CHECK_FALSE(attributes.string("v"));
}
