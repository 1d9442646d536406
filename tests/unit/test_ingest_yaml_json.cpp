#include "ingest/yaml_json.hpp"

#include <catch2/catch.hpp>
#include <string>

using costgate::yaml_to_json;

namespace {

nlohmann::json scalar(const std::string& text) {
    return yaml_to_json(YAML::Load("v: " + text))["v"];
}

} // namespace

TEST_CASE("plain scalars are typed by the YAML core schema") {
    for (const char* text : {"~", "null", "Null", "NULL"})
        CHECK(scalar(text).is_null());
    CHECK(yaml_to_json(YAML::Load("v:"))["v"].is_null());
    for (const char* text : {"true", "True", "TRUE"})
        CHECK(scalar(text) == true);
    for (const char* text : {"false", "False", "FALSE"})
        CHECK(scalar(text) == false);
    CHECK(scalar("3") == 3);
    CHECK(scalar("-12") == -12);
    CHECK(scalar("+7") == 7);
    CHECK(scalar("0.5") == 0.5);
    CHECK(scalar(".5") == 0.5);
    CHECK(scalar("-2.") == -2.0);
    CHECK(scalar("1e3") == 1000.0);
    CHECK(scalar("2.5E-1") == 0.25);
}

TEST_CASE("anything else stays a string") {
    for (const char* text : {"yes", "nULL", "TRue", "1.2.3", "e3", "1e", "1e+", "+", "-", ".", "0x1F", "12a",
                             "500m", "1Gi", "1_000", "- 1", ".e1"})
        CHECK(scalar(std::string("'") + text + "'") == text); // quoted: always a string
    for (const char* text : {"yes", "nULL", "TRue", "1.2.3", "e3", "1e", "1e+", "500m", "1Gi", "1_000", ".e1"})
        CHECK(scalar(text) == text);
}
