#include "report/json_writer.hpp"

#include <catch2/catch.hpp>
#include <cmath>
#include <cstdint>
#include <limits>
#include <nlohmann/json.hpp>
#include <random>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

using namespace costgate;
using namespace costgate::report;
using Json = nlohmann::ordered_json;

namespace {

/// What `write` writes through a JsonWriter handing `chunk` bytes at a time to its sink.
template <typename Write>
std::string written_by(const Write& write, std::size_t chunk = JsonWriter::k_default_chunk) {
    std::ostringstream sink;
    JsonWriter out(sink, chunk);
    write(out);
    out.finish();
    return sink.str();
}

std::string written(const std::string& text) {
    return written_by([&](JsonWriter& out) { out.string(text); });
}

std::string written(double value) {
    return written_by([&](JsonWriter& out) { out.number(value); });
}

/// Nested, empty and non-empty containers: the document `nested_document()` holds.
void write_nested(JsonWriter& out) {
    out.begin_object();
    out.key("empty_object").begin_object();
    out.end_object();
    out.key("empty_array").begin_array();
    out.end_array();
    out.key("mixed").begin_array();
    out.begin_object();
    out.end_object();
    out.begin_array();
    out.end_array();
    out.begin_array();
    out.integer(1);
    out.begin_object();
    out.key("d").begin_array();
    out.end_array();
    out.end_object();
    out.end_array();
    out.end_array();
    out.key("nested").begin_object();
    out.key("f").begin_object();
    out.key("g").null();
    out.end_object();
    out.end_object();
    out.key("last").string("x");
    out.end_object();
}

Json nested_document() {
    return {{"empty_object", Json::object()},
            {"empty_array", Json::array()},
            {"mixed", Json::array({Json::object(), Json::array(),
                                   Json::array({1, Json{{"d", Json::array()}}})})},
            {"nested", {{"f", {{"g", nullptr}}}}},
            {"last", "x"}};
}

std::string hex(const std::string& bytes) {
    std::string result;
    for (const char c : bytes) {
        result += "0123456789abcdef"[static_cast<unsigned char>(c) >> 4];
        result += "0123456789abcdef"[static_cast<unsigned char>(c) & 0xF];
        result += ' ';
    }
    return result;
}

/// What the writer prints for `text`, or "invalid UTF-8" when it throws.
std::string outcome_of_writer(const std::string& text) {
    try {
        return written(text);
    } catch (const std::logic_error&) {
        return "invalid UTF-8";
    }
}

/// The same for nlohmann's dump(2), an independent check of the UTF-8 rule and the escapes.
std::string outcome_of_nlohmann(const std::string& text) {
    try {
        return Json(text).dump(2);
    } catch (const nlohmann::json::type_error&) {
        return "invalid UTF-8";
    }
}

} // namespace

TEST_CASE("JsonWriter escapes quotes, backslashes and control characters",
          "[report][json_writer]") {
    const std::vector<std::string> texts = {
        "",           "aws_instance.web[\"a\"]",      "back\\slash and /slash",
        "\b\f\n\r\t", "line one\nline two",           "\"",
        "\\",         "\x7f delete is printed as is", std::string("nul \0 inside", 12)};
    for (const std::string& text : texts) {
        INFO(text);
        CHECK(written(text) == Json(text).dump(2));
    }
    CHECK(written("a\"b\\c\n") == R"("a\"b\\c\n")");
}

TEST_CASE("JsonWriter prints other control characters as u00xx escapes in lowercase hex",
          "[report][json_writer]") {
    for (int c = 0; c < 0x20; ++c) {
        const std::string text = "a" + std::string(1, static_cast<char>(c)) + "b";
        INFO(c);
        CHECK(written(text) == Json(text).dump(2));
    }
    CHECK(written("\x1f") == R"("\u001f")");
    CHECK(written("\x0b") == R"("\u000b")");
}

TEST_CASE("JsonWriter copies UTF-8 as is", "[report][json_writer]") {
    // é, €, 💰, U+FFFF, U+10FFFF, U+E000 (just past the surrogates).
    for (const std::string text : {"caf\xc3\xa9", "\xe2\x82\xac 5", "\xf0\x9f\x92\xb0",
                                   "\xef\xbf\xbf", "\xf4\x8f\xbf\xbf", "\xee\x80\x80"}) {
        INFO(text);
        CHECK(written(text) == Json(text).dump(2));
        CHECK(written(text) == "\"" + text + "\"");
    }
}

TEST_CASE("JsonWriter throws a logic error naming the byte on invalid UTF-8",
          "[report][json_writer]") {
    // A stray continuation byte, a truncated sequence, an overlong form, a surrogate, a code
    // point past U+10FFFF, a byte that never occurs in UTF-8.
    for (const std::string text : {"a\x80", "caf\xc3", "\xc0\xaf", "\xed\xa0\x80",
                                   "\xf4\x90\x80\x80", "ok \xff", "\xe2\x82"}) {
        INFO(text);
        CHECK_THROWS_AS(written(text), std::logic_error);
        std::ostringstream sink;
        JsonWriter out(sink);
        out.begin_object();
        CHECK_THROWS_AS(out.key(text), std::logic_error);
    }
    CHECK_THROWS_WITH(written("ok \xff"), "invalid UTF-8 in a JSON string: byte 0xFF at offset 3");
}

TEST_CASE("JsonWriter accepts exactly the UTF-8 nlohmann accepts, and escapes alike",
          "[report][json_writer]") {
    // Every two-byte string, then every lead and second byte of three- and four-byte sequences,
    // then every third and fourth byte after valid leads.
    std::size_t mismatches = 0;
    const auto compare = [&](const std::string& text) {
        if (outcome_of_writer(text) != outcome_of_nlohmann(text)) {
            ++mismatches;
            UNSCOPED_INFO("mismatch on bytes " << hex(text));
        }
    };
    for (int first = 0; first < 256; ++first) {
        for (int second = 0; second < 256; ++second) {
            const std::string pair = {static_cast<char>(first), static_cast<char>(second)};
            compare(pair);
            if (first >= 0xE0)
                compare(pair + "\x80\x80 ");
        }
    }
    for (const std::string lead :
         {"\xe0\xa0", "\xe1\x80", "\xed\x9f", "\xf0\x90\x80", "\xf4\x8f\xbf"}) {
        for (int last = 0; last < 256; ++last)
            compare(lead + static_cast<char>(last) + "x");
    }
    CHECK(mismatches == 0);
}

TEST_CASE("JsonWriter matches nlohmann on random byte strings", "[report][json_writer]") {
    // Bytes near the UTF-8 boundaries, the escaped characters and plain ASCII.
    const std::vector<unsigned char> bytes = {
        0x00, 0x08, 0x0a, 0x1f, 0x20, 0x22, 0x41, 0x5c, 0x7f, 0x80, 0x8f, 0x90, 0x9f, 0xa0,
        0xbf, 0xc0, 0xc1, 0xc2, 0xdf, 0xe0, 0xe1, 0xed, 0xef, 0xf0, 0xf3, 0xf4, 0xf5, 0xff};
    std::mt19937 random(20261123);
    std::uniform_int_distribution<std::size_t> length(0, 8);
    std::uniform_int_distribution<std::size_t> pick(0, bytes.size() - 1);
    std::size_t mismatches = 0;
    for (int round = 0; round < 50000; ++round) {
        std::string text(length(random), ' ');
        for (char& c : text)
            c = static_cast<char>(bytes[pick(random)]);
        if (outcome_of_writer(text) != outcome_of_nlohmann(text))
            ++mismatches;
    }
    CHECK(mismatches == 0);
}

TEST_CASE("JsonWriter prints doubles in plain decimal notation with the fewest digits",
          "[report][json_writer]") {
    CHECK(written(0.0) == "0.0");
    CHECK(written(-0.0) == "-0.0");
    CHECK(written(730.0) == "730.0");
    CHECK(written(0.1) == "0.1");
    CHECK(written(0.2 + 0.1) == "0.30000000000000004");
    CHECK(written(70.72) == "70.72");
    CHECK(written(-3.1) == "-3.1");
    // Never an exponent: small unit prices and large totals read as written.
    CHECK(written(1e-05) == "0.00001");
    CHECK(written(1.66667e-05) == "0.0000166667");
    CHECK(written(3.09e-08) == "0.0000000309");
    CHECK(written(1e+16) == "10000000000000000.0");
    CHECK(written(123456789012345.6) == "123456789012345.6");
    CHECK(written(5e-324) == "0." + std::string(323, '0') + "5");
    CHECK(written(std::numeric_limits<double>::max()).size() == 309 + 2);
    CHECK(written(std::numeric_limits<double>::lowest()).size() == 309 + 3);
}

TEST_CASE("JsonWriter's doubles read back as the same double", "[report][json_writer]") {
    std::mt19937_64 random(20261205);
    std::uniform_real_distribution<double> exponent(-30, 30);
    std::uniform_real_distribution<double> mantissa(-10, 10);
    for (int round = 0; round < 20000; ++round) {
        const double value = mantissa(random) * std::pow(10.0, exponent(random));
        INFO(value);
        CHECK(nlohmann::json::parse(written(value)).get<double>() == value);
    }
}

TEST_CASE("JsonWriter prints NaN and infinities as null", "[report][json_writer]") {
    for (const double value :
         {std::numeric_limits<double>::quiet_NaN(), std::numeric_limits<double>::infinity(),
          -std::numeric_limits<double>::infinity()}) {
        CHECK(written(value) == "null");
        CHECK(written(value) == Json(value).dump(2));
    }
}

TEST_CASE("JsonWriter prints integers, booleans and null", "[report][json_writer]") {
    for (const std::int64_t value :
         {std::int64_t{0}, std::int64_t{-1}, std::int64_t{730},
          std::numeric_limits<std::int64_t>::min(), std::numeric_limits<std::int64_t>::max()}) {
        CHECK(written_by([&](JsonWriter& out) { out.integer(value); }) == Json(value).dump(2));
    }
    const std::string literals = written_by([](JsonWriter& out) {
        out.begin_array();
        out.boolean(true);
        out.boolean(false);
        out.null();
        out.end_array();
    });
    CHECK(literals == Json::array({true, false, nullptr}).dump(2));
}

TEST_CASE("JsonWriter indents nested containers and prints empty ones inline",
          "[report][json_writer]") {
    CHECK(written_by(write_nested) == nested_document().dump(2));
    CHECK(written_by([](JsonWriter& out) {
              out.begin_object();
              out.end_object();
          }) == Json::object().dump(2));
    CHECK(written_by([](JsonWriter& out) {
              out.begin_array();
              out.end_array();
          }) == Json::array().dump(2));
}

TEST_CASE("JsonWriter hands the sink the same document whatever the size of its pieces",
          "[report][json_writer]") {
    // A piece goes to the sink between items once the buffer holds `chunk` bytes; with a
    // chunk of 1 that is before every item, so a lost, repeated or reordered piece shows.
    const std::string whole = written_by(write_nested, 1 << 20);
    CHECK(whole == nested_document().dump(2));
    for (const std::size_t chunk : {1, 2, 7, 64})
        CHECK(written_by(write_nested, chunk) == whole);
}

TEST_CASE("JsonWriter writes nothing past what finish() hands over", "[report][json_writer]") {
    std::ostringstream sink;
    JsonWriter out(sink, 4);
    out.begin_array();
    out.integer(12345);
    out.integer(6);
    // "[\n  12345" reached the chunk before the second item; ",\n  6" waits for finish().
    CHECK(sink.str() == "[\n  12345");
    out.end_array();
    out.finish();
    CHECK(sink.str() == "[\n  12345,\n  6\n]");
}

TEST_CASE("JsonWriter escapes keys like strings", "[report][json_writer]") {
    const std::string key = "team \"a\"\n\x01 caf\xc3\xa9";
    const std::string object = written_by([&](JsonWriter& out) {
        out.begin_object();
        out.key(key).string("v");
        out.end_object();
    });
    CHECK(object == Json{{key, "v"}}.dump(2));
}
