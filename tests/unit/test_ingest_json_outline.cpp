#include "ingest/json_outline.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <string>

using namespace costgate;
using namespace costgate::ingest;

using costgate::ingest::outline_json;

namespace {

bool nlohmann_accepts(const std::string& text) {
    return nlohmann::json::accept(text);
}

} // namespace

TEST_CASE("the outline lists top-level members and the elements of one array") {
    const std::string text =
        R"( {"a": 1, "resource_changes": [ {"x": [1, 2]} , "s", null ], "b": {"c": "d"}} )";
    const auto outline = outline_json(text, "resource_changes");
    REQUIRE(outline);
    REQUIRE(outline->members.size() == 3);
    CHECK(outline->members[0].key == "a");
    CHECK(outline->members[1].key == "resource_changes");
    CHECK(outline->members[2].key == "b");
    const auto span_text = [&](costgate::ingest::JsonSpan span) {
        return text.substr(span.begin, span.end - span.begin);
    };
    CHECK(span_text(outline->members[2].value) == R"({"c": "d"})");
    REQUIRE(outline->elements.size() == 3);
    CHECK(span_text(outline->elements[0]) == R"({"x": [1, 2]})");
    CHECK(span_text(outline->elements[1]) == R"("s")");
    CHECK(span_text(outline->elements[2]) == "null");
}

TEST_CASE("objects that repeat a key, at any depth, are left to nlohmann/json") {
    CHECK_FALSE(outline_json(R"({"r": [1, 2, 3], "r": [4]})", "r"));
    CHECK_FALSE(outline_json(R"({"r": [{"a": {"x": 1, "y": 2, "x": 1}}]})", "r"));
    // Out of order: the repeat is not next to the first one.
    CHECK_FALSE(outline_json(R"({"a": {"b": 1, "a": 2, "b": 3}})", "r"));
    CHECK_FALSE(outline_json(R"({"a": {"c": 1, "b": 2, "c": 3}})", "r"));
    // Keys with escapes could repeat a key spelled without them.
    CHECK_FALSE(outline_json(R"({"a": {"b": 1, "\u0062": 2}})", "r"));
}

TEST_CASE("the same key in sibling and nested objects is no repeat") {
    CHECK(outline_json(
        R"({"r": [{"a": 1, "b": {"a": 2, "b": {"a": 3}}}, {"a": 1, "b": 2}], "a": {"a": 1}})",
        "r"));
    CHECK(outline_json(R"({"z": 1, "a": {"y": 1, "b": 2}, "b": {"z": {"z": 1}}})", "r"));
}

TEST_CASE("valid JSON that nlohmann/json accepts is outlined") {
    for (const std::string text :
         {R"({})", R"({"a":[]})", R"({"a":-0.5e+10,"b":0,"c":1E2,"d":[true,false,null]})",
          R"({"s":"\u00e9\ud83d\ude00\n\t\\\"\/","t":"é"})", "\t{\r\n\"a\" : { } }\n"}) {
        INFO(text);
        CHECK(nlohmann_accepts(text));
        CHECK(outline_json(text, "a"));
    }
}

TEST_CASE("anything nlohmann/json rejects is not outlined") {
    for (const std::string text : {"",
                                   " ",
                                   "{",
                                   R"({"a":1)",
                                   R"({"a":1}})",
                                   R"({"a":1} x)",
                                   R"({"a" 1})",
                                   R"({"a":1,})",
                                   R"({"a":[1,]})",
                                   R"({"a":[1 2]})",
                                   R"({a:1})",
                                   R"({"a":01})",
                                   R"({"a":1.})",
                                   R"({"a":.5})",
                                   R"({"a":-})",
                                   R"({"a":1e})",
                                   R"({"a":tru})",
                                   R"({"a":"\x"})",
                                   R"({"a":"\u12"})",
                                   R"({"a":"\ud800"})",
                                   R"({"a":"\udc00"})",
                                   R"({"a":"\ud800\u0041"})",
                                   "{\"a\":\"\x01\"}",
                                   "{\"a\":\"\xff\"}",
                                   "{\"a\":\"\xc3\"}",
                                   "{\"a\":\"\xed\xa0\x80\"}"}) {
        INFO(text);
        CHECK_FALSE(nlohmann_accepts(text));
        CHECK_FALSE(outline_json(text, "a"));
    }
}

TEST_CASE(
    "documents whose top level is not an object, or has escaped keys, are left to nlohmann/json") {
    CHECK_FALSE(outline_json("[1, 2]", "a"));
    CHECK_FALSE(outline_json("\"plan\"", "a"));
    CHECK_FALSE(outline_json(R"({"resource\u005fchanges": []})", "resource_changes"));
}

TEST_CASE("strings are scanned many bytes at a time without missing a quote, escape or "
          "control character at any offset") {
    for (std::size_t run = 0; run < 40; ++run) {
        const std::string plain(run, 'a');
        for (const std::string& tail :
             {std::string("\\\"b"), std::string("\\u00e9"), std::string("\xc3\xa9z"),
              std::string("\x1f"), std::string("\t"), std::string("\\x")}) {
            const std::string text = "{\"k\": \"" + plain + tail + plain + "\", \"r\": []}";
            INFO("run " << run << ", tail " << tail);
            CHECK(outline_json(text, "r").has_value() == nlohmann_accepts(text));
        }
    }
    // A key with an escape is left to nlohmann/json, which compares keys unescaped.
    CHECK_FALSE(outline_json(R"({"a\u0062": 1, "r": []})", "r"));
    CHECK(outline_json(R"({"k": "a\"b", "r": []})", "r"));
}

TEST_CASE("numbers too large for a double are left to nlohmann/json, which rejects them") {
    CHECK_FALSE(outline_json(R"({"x": 1e309})", "x"));
    CHECK_FALSE(outline_json(R"({"x": [-2E+999]})", "x"));
    CHECK_FALSE(outline_json(R"({"x": )" + std::string(400, '9') + "}", "x"));
    CHECK(outline_json(R"({"x": [1e308, 1e-400, -0.0e0, 12345678901234567890123]})", "x"));
    CHECK(outline_json(R"({"x": )" + std::string(300, '9') + "}", "x"));
}
