#include "costgate/util/yaml_map.hpp"

#include <catch2/catch.hpp>

using namespace costgate;
using namespace costgate::util;

namespace {

YamlMap map_of(const std::string& text, const std::string& key = "m") {
    const YAML::Node document = load_yaml("p.yaml", text);
    return YamlMap("p.yaml", document[key], "rule");
}

std::vector<std::string> keys(const YamlMap& map) {
    std::vector<std::string> names;
    for (const YamlMap::Entry& entry : map.entries())
        names.push_back(entry.first.Scalar());
    return names;
}

} // namespace

TEST_CASE("merge keys are applied by the strict reader, the mapping's own keys winning",
          "[util][yaml]") {
    const std::string anchors = "a: &a {x: 1, y: 1}\nb: &b {y: 2, z: 2}\n";
    YamlMap own = map_of(anchors + "m: {<<: *a, y: 3}");
    CHECK(keys(own) == std::vector<std::string>{"y", "x"});
    CHECK(own.optional_number("y") == 3);
    CHECK(own.optional_number("x") == 1);
    own.finish();
    YamlMap listed = map_of(anchors + "m: {<<: [*b, *a]}");
    CHECK(listed.optional_number("y") == 2);
    CHECK(listed.has("x"));
    // A merged key nobody reads is unknown like a written one, at the line it is written on.
    YamlMap unread = map_of(anchors + "m: {<<: *a, x: 0}");
    CHECK(unread.optional_number("x") == 0);
    CHECK_THROWS_WITH(unread.finish(), "p.yaml:1:14: unknown key \"y\" in rule");
    // A quoted "<<" is an ordinary key.
    CHECK(keys(map_of("m: {'<<': 1}")) == std::vector<std::string>{"<<"});
}

TEST_CASE("a merge key that does not name mappings is an error at its value", "[util][yaml]") {
    CHECK_THROWS_WITH(map_of("m: {<<: 1}"),
                      "p.yaml:1:9: the merge key << takes a mapping or a list of mappings");
    CHECK_THROWS_WITH(map_of("m: {<<: [{a: 1}, 2]}"),
                      "p.yaml:1:18: the merge key << takes a mapping or a list of mappings");
    CHECK_THROWS_WITH(map_of("m: {<<: {a: 1}, <<: {b: 1}}"),
                      "p.yaml:1:17: duplicate key \"<<\" in rule");
}

TEST_CASE("a number field reads plain numbers and refuses anything else", "[util][yaml]") {
    for (const auto& [text, value] : std::vector<std::pair<std::string, double>>{
             {"3", 3}, {"0.5", 0.5}, {"1e6", 1e6}, {"-2", -2}, {"!!int 7", 7}, {"!!float 2", 2}}) {
        CAPTURE(text);
        CHECK(map_of("m: {v: " + text + "}").optional_number("v") == value);
    }
    for (const std::string text : {"'3'", "\"3\"", "0x10", "1_000", ".nan", "nan", ".inf", "inf",
                                   "three", "!!str 3", "!custom 3", "[3]", "{a: 3}"}) {
        CAPTURE(text);
        CHECK_THROWS_WITH(map_of("m: {v: " + text + "}").optional_number("v"),
                          Catch::StartsWith("p.yaml:1:8: \"v\" must be a number"));
    }
}
