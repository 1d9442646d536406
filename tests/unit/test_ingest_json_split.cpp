#include "ingest/json_split.hpp"

#include <catch2/catch.hpp>
#include <string>

using namespace costgate::ingest;

namespace {

std::string_view text_of(std::string_view text, JsonSpan span) {
    return text.substr(span.begin, span.size());
}

} // namespace

TEST_CASE("a text no larger than a piece is not split", "[ingest][json]") {
    CHECK(split_json(R"({"a": [1, 2]})", 100, 1).nodes.empty());
    // Only objects and arrays are split.
    CHECK(split_json(R"("a long string, longer than a piece")", 4, 1).nodes.empty());
    // A root that is not closed is left for the parser to reject.
    CHECK(split_json(R"({"a": [1, 2])", 4, 1).nodes.empty());
}

TEST_CASE("large containers are split and their children cut out", "[ingest][json]") {
    //                            0         1         2         3         4
    //                            0123456789012345678901234567890123456789012345
    const std::string text = R"( {"a": [1, {"b": 2}], "c": "x", "d": {"e": []}} )";
    const JsonSplit split = split_json(text, 20, 4);
    // `[1, {"b": 2}]` (13 bytes) is cut out whole; the root is split.
    REQUIRE(split.nodes.size() == 1);
    const JsonSplitNode& root = split.nodes.back();
    CHECK(root.span.begin == 0);
    CHECK(root.span.end == text.size()); // leading and trailing spaces included
    REQUIRE(root.children.size() == 2);
    CHECK(root.children[0].index == 0);
    CHECK(root.children[0].node == JsonSplitNode::k_whole);
    CHECK(text_of(text, root.children[0].span) == R"([1, {"b": 2}])");
    // `{"e": []}` is the third member (index 2): members are counted by their commas.
    CHECK(root.children[1].index == 2);
    CHECK(text_of(text, root.children[1].span) == R"({"e": []})");
}

TEST_CASE("a split child is a node of its own, listed before its parent", "[ingest][json]") {
    const std::string text = R"({"list": [{"k": "v1"}, {"k": "v2"}, {"k": "v3"}], "z": 1})";
    const JsonSplit split = split_json(text, 30, 8);
    REQUIRE(split.nodes.size() == 2);
    const JsonSplitNode& list = split.nodes[0];
    CHECK(text_of(text, list.span) == R"([{"k": "v1"}, {"k": "v2"}, {"k": "v3"}])");
    REQUIRE(list.children.size() == 3);
    CHECK(list.children[2].index == 2);
    CHECK(text_of(text, list.children[2].span) == R"({"k": "v3"})");
    const JsonSplitNode& root = split.nodes[1];
    REQUIRE(root.children.size() == 1);
    CHECK(root.children[0].node == 0);
}

TEST_CASE("brackets, braces and commas inside strings do not count", "[ingest][json]") {
    const std::string text = R"({"a": "]},[{\"\\", "b": {"c": "{,"}, "d": 0})";
    const JsonSplit split = split_json(text, 12, 4);
    REQUIRE(split.nodes.size() == 1);
    REQUIRE(split.nodes[0].children.size() == 1);
    CHECK(split.nodes[0].children[0].index == 1);
    CHECK(text_of(text, split.nodes[0].children[0].span) == R"({"c": "{,"})");
}
