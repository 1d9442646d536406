#include "ingest/ondemand_json.hpp"
#include "ingest/valid_json_reader.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <string>

using namespace costgate;
using namespace costgate::ingest;

using costgate::JsonTreeBuilder;
using costgate::ingest::ValidJsonReader;

namespace {

nlohmann::json read(const std::string& text) {
    JsonTreeBuilder builder;
    ValidJsonReader reader(text);
    reader.read(builder);
    return builder.finish().to_nlohmann();
}

} // namespace

TEST_CASE("the valid-JSON reader makes what nlohmann/json's parser makes", "[ingest][json]") {
    const std::string text = GENERATE(
        as<std::string>{}, R"({"a": 1, "b": [true, false, null], "c": {"d": "e"}})",
        R"( { "spaced" : [ 1 , 2 ] , "empty" : { } , "none" : [ ] } )",
        R"(["tab\there", "quote\" slash\/ back\\", "\u00e9\u4e2d", "\ud83d\ude00", "\b\f\n\r"])",
        R"([0, -0, 18446744073709551615, 18446744073709551616, -9223372036854775808,
            -9223372036854775809, 123456789012345678901234567890, 1.5, -2.5e-3, 1e-400, 0.1])",
        R"({"zeta": 1, "alpha": {"nested": [{"y": 2, "x": 1}]}, "Beta": "B"})", R"("plain")");
    const nlohmann::json expected = nlohmann::json::parse(text);
    const nlohmann::json actual = read(text);
    CHECK(actual == expected);
    CHECK(actual.dump() == expected.dump());
    // The same kinds of number, not only equal values.
    if (expected.is_array())
        for (std::size_t i = 0; i < expected.size(); ++i)
            CHECK(actual[i].type() == expected[i].type());
}

TEST_CASE("a number beyond a double is left to nlohmann/json to report", "[ingest][json]") {
    CHECK_THROWS_AS(read("[1E400]"), costgate::ingest::OnDemandUnsupported);
}

TEST_CASE("the valid-JSON reader steps over members it skips", "[ingest][json]") {
    const std::string text =
        R"({"skip": {"s": "}\"]", "n": [1, [2, {"x": null}]]}, "num": -1.5e3, "t": true, "keep": "yes"})";
    ValidJsonReader reader(text);
    reader.enter_object();
    std::string_view key;
    std::string kept;
    while (reader.next_key(key)) {
        if (key == "keep") {
            JsonTreeBuilder builder;
            reader.read(builder);
            kept = builder.finish().root().string();
        } else {
            reader.skip();
        }
    }
    CHECK(kept == "yes");
}

TEST_CASE("the valid-JSON reader finds escapes at any offset of a string", "[ingest][json]") {
    for (std::size_t run = 0; run < 40; ++run)
        for (const char* escape : {"\\\"", "\\\\", "\\u00e9", "\\n", "\xc3\xa9"}) {
            const std::string text =
                "[\"" + std::string(run, 'a') + escape + std::string(run, 'b') + "\"]";
            INFO(text);
            CHECK(read(text) == nlohmann::json::parse(text));
        }
}
