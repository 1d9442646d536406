#include "ingest/yaml_documents.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <string>

using namespace costgate;
using namespace costgate::ingest;

namespace {

std::vector<YamlDocument> read(const std::string& text) {
    return read_yaml_documents("m.yaml", text);
}

nlohmann::json scalar(const std::string& text) {
    return read("v: " + text).at(0).value.at("v");
}

} // namespace

TEST_CASE("plain scalars are typed by the YAML core schema", "[ingest][yaml]") {
    for (const char* text : {"~", "null", "Null", "NULL"})
        CHECK(scalar(text).is_null());
    CHECK(read("v:").at(0).value.at("v").is_null());
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
    CHECK(scalar("99999999999999999999") == 1e20); // beyond 64 bits: a float
}

TEST_CASE("anything else stays a string", "[ingest][yaml]") {
    for (const char* text : {"yes", "nULL", "TRue", "1.2.3", "e3", "1e", "1e+", "+", "-", ".",
                             "0x1F", "12a", "500m", "1Gi", "1_000", "- 1", ".e1"}) {
        CHECK(scalar(std::string("'") + text + "'") == text); // quoted: always a string
        CHECK(scalar(std::string("\"") + text + "\"") == text);
    }
    for (const char* text :
         {"yes", "nULL", "TRue", "1.2.3", "e3", "1e", "1e+", "500m", "1Gi", "1_000", ".e1"})
        CHECK(scalar(text) == text);
    CHECK(scalar("!!str 3") == "3");
    CHECK(scalar("! 3") == "3");
    CHECK(scalar("!!int 3") == 3);
    CHECK(read("v: |\n  12\n").at(0).value.at("v") == "12\n");
}

TEST_CASE("every non-empty document is read with the line it starts on", "[ingest][yaml]") {
    const auto documents = read("# comment\na: 1\n---\n---\n# only a comment\n---\n\n- x\n...\n");
    REQUIRE(documents.size() == 2);
    CHECK(documents[0].line == 2);
    CHECK(documents[0].value == nlohmann::json{{"a", 1}});
    CHECK(documents[1].line == 8);
    CHECK(documents[1].value == nlohmann::json::array({"x"}));
    CHECK(read("").empty());
}

TEST_CASE("the elements of a top-level items sequence keep their lines", "[ingest][yaml]") {
    const auto documents = read("kind: List\nitems:\n- kind: A\n  x: 1\n-\n  kind: B\n- c\n"
                                "nested:\n  items:\n  - kind: C\n");
    REQUIRE(documents.size() == 1);
    CHECK(documents[0].item_lines == std::vector<int>{3, 6, 7});
}

TEST_CASE("anchors and aliases copy values", "[ingest][yaml]") {
    const auto value = read("a: &x {k: [1, 2]}\nb: *x\nc: {&key e: 1}\nd: {*key : 2}\n");
    CHECK(value.at(0).value.at("b") == nlohmann::json{{"k", {1, 2}}});
    CHECK(value.at(0).value.at("d") == nlohmann::json{{"e", 2}});
    CHECK_THROWS_WITH(read("a: *nowhere\n"), "m.yaml:1:4: alias *nowhere has no anchor before it");
    CHECK_THROWS_WITH(read("a: &x [1, *x]\n"),
                      "m.yaml:1:11: alias *x refers to a node that contains it");
    CHECK_THROWS_WITH(read("a: &x 1\n---\nb: *x\n"), Catch::Contains("alias *x has no anchor"));
}

TEST_CASE("a repeated key keeps its last value and is listed where it repeats", "[ingest][yaml]") {
    const auto documents = read("a: 1\nb: 2\na: 3\nc: {x: 1, x: [2]}\n");
    REQUIRE(documents.size() == 1);
    CHECK(documents[0].value == nlohmann::json{{"a", 3}, {"b", 2}, {"c", {{"x", {2}}}}});
    REQUIRE(documents[0].repeated_keys.size() == 2);
    CHECK(documents[0].repeated_keys[0].where.to_string() == "m.yaml:3:1");
    CHECK(documents[0].repeated_keys[0].key == "a");
    CHECK(documents[0].repeated_keys[1].where.to_string() == "m.yaml:4:11");
    CHECK(documents[0].repeated_keys[1].key == "x");
    CHECK(read("a: {x: 1}\nb: {x: 1}\n")[0].repeated_keys.empty());
}

TEST_CASE("a List's items given twice keep only the last sequence's lines", "[ingest][yaml]") {
    const auto documents = read("kind: List\nitems:\n- a: 1\n- a: 2\nitems:\n- a: 3\n");
    REQUIRE(documents.size() == 1);
    CHECK(documents[0].value.at("items") == nlohmann::json::array({{{"a", 3}}}));
    CHECK(documents[0].item_lines == std::vector<int>{6});
}

TEST_CASE("a mapping or sequence as a key is its own error", "[ingest][yaml]") {
    CHECK_THROWS_AS(read("a: {{ .Values.x }}\n"), YamlComplexKey);
    CHECK_THROWS_AS(read("? [a, b]\n: 1\n"), YamlComplexKey);
}

TEST_CASE("nesting deeper than the limit is an error at the node", "[ingest][yaml]") {
    CHECK_THROWS_WITH(read(std::string(600, '[') + std::string(600, ']')),
                      "m.yaml:1:513: nested deeper than 512 levels");
    CHECK_NOTHROW(read(std::string(500, '[') + std::string(500, ']')));
    // An alias may not nest a deep anchored value deeper still.
    const std::string deep = std::string(300, '[') + std::string(300, ']');
    CHECK_THROWS_WITH(read("a: &d " + deep + "\nb: " + std::string(300, '[') + "*d" +
                           std::string(300, ']') + "\n"),
                      Catch::Contains("nested deeper than 512 levels"));
}

TEST_CASE("syntax errors name the line and column libyaml stopped at", "[ingest][yaml]") {
    CHECK_THROWS_AS(read("a: [1, 2\n"), YamlSyntaxError);
    CHECK_THROWS_WITH(read("a: 1\n b: 2\n"), Catch::StartsWith("m.yaml:2:3: invalid YAML: "));
    CHECK_THROWS_WITH(read("a: [1,\n  2\nb: 1\n"),
                      Catch::StartsWith("m.yaml:3:2: invalid YAML: ") &&
                          Catch::Contains("while parsing a flow sequence at line 1, column 4"));
    CHECK_THROWS_WITH(read("a: 1\nb: \xff\n"),
                      Catch::StartsWith("m.yaml:2:4: invalid YAML: invalid leading UTF-8 octet"));
}

TEST_CASE("merge keys bring a mapping's keys in, the mapping's own keys winning",
          "[ingest][yaml]") {
    const std::string anchors = "a: &a {x: 1, y: 1}\nb: &b {y: 2, z: 2}\n";
    // {text of `m`, what it reads as}.
    const std::vector<std::pair<std::string, nlohmann::json>> cases = {
        {"m: {<<: *a}", {{"x", 1}, {"y", 1}}},
        {"m: {<<: *a, y: 3}", {{"x", 1}, {"y", 3}}},
        {"m: {y: 3, <<: *a}", {{"x", 1}, {"y", 3}}},
        {"m: {<<: [*a, *b]}", {{"x", 1}, {"y", 1}, {"z", 2}}},
        {"m: {<<: [*b, *a]}", {{"x", 1}, {"y", 2}, {"z", 2}}},
        {"m: {<<: {w: 0}}", {{"w", 0}}},
        {"m: {!!merge <<: *a}", {{"x", 1}, {"y", 1}}},
        // A quoted "<<" is an ordinary key.
        {"m: {'<<': 1}", {{"<<", 1}}},
    };
    for (const auto& [text, expected] : cases) {
        CAPTURE(text);
        CHECK(read(anchors + text).at(0).value.at("m") == expected);
    }
    // A merged mapping that is itself anchored keeps what it merged.
    CHECK(read(anchors + "m: &m {<<: *a, k: 0}\nn: {<<: *m}").at(0).value.at("n") ==
          nlohmann::json{{"x", 1}, {"y", 1}, {"k", 0}});
}

TEST_CASE("a merge key that does not name mappings is an error at the key", "[ingest][yaml]") {
    for (const std::string text : {"m: {<<: 1}", "m: {<<: [1]}", "m: {<<: [{a: 1}, x]}"}) {
        CAPTURE(text);
        CHECK_THROWS_WITH(read(text), "m.yaml:1:5: the merge key << takes a mapping or a list of "
                                      "mappings, found " +
                                          std::string(text == "m: {<<: 1}" ? "number" : "array"));
    }
    CHECK_THROWS_WITH(read("m: {<<: {a: 1}, <<: {b: 1}}"), "m.yaml:1:17: duplicate key \"<<\"");
}
