#include "costgate/model/json_tree.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

using costgate::JsonTree;
using costgate::JsonTreeBuilder;
using costgate::JsonValue;
using nlohmann::json;

TEST_CASE("a JsonTree holds what nlohmann/json holds, and gives it back", "[json_tree]") {
    const json original = json::parse(R"({"b": [1, -2, 3.5, "x", null, true, {}, []],
        "a": {"z": "", "y": {"deep": [[false]]}}, "n": 18446744073709551615})");
    const JsonTree tree(original);
    CHECK(tree.to_nlohmann() == original);
    CHECK(tree.root().dump() == original.dump());
    JsonTreeBuilder builder;
    builder.value(tree.root().find("a"));
    CHECK(builder.finish().to_nlohmann() == original["a"]);
}

TEST_CASE("JsonValue reads members, elements and scalars", "[json_tree]") {
    const JsonTree tree(json::parse(R"({"size": 20, "name": "web", "tags": {"team": "a"},
        "list": ["p", "q"], "on": true, "ratio": 0.5, "delta": -3, "nothing": null})"));
    const JsonValue root = tree;
    CHECK(root.is_object());
    CHECK(root.size() == 8);
    CHECK(root.find("size").is_number());
    CHECK(root.find("size").number() == 20);
    CHECK(root.find("delta").number() == -3);
    CHECK(root.find("ratio").number() == 0.5);
    CHECK(root.find("name").is_string("web"));
    CHECK_FALSE(root.find("name").is_string("we"));
    CHECK(root.find("on").boolean());
    CHECK(root.find("nothing"));
    CHECK(root.find("nothing").is_null());
    CHECK_FALSE(root.find("missing"));
    CHECK_FALSE(root.find("name").find("x"));
    CHECK(root.find("list")[1].string() == "q");
    CHECK_FALSE(root.find("list")[2]);
    CHECK(root.find("tags").find("team").key() == "team");
    CHECK(root.find("tags").type_name() == "object");
    CHECK(root.find("ratio").type_name() == "number");
    CHECK(JsonValue().type_name() == "null");
}

TEST_CASE("object members iterate in key order, as nlohmann/json's std::map does", "[json_tree]") {
    JsonTreeBuilder builder;
    builder.begin_object();
    for (const char* key : {"zone", "b", "a", "ä", "B"}) {
        builder.key(key);
        builder.begin_array();
        builder.string(key);
        builder.end_array();
    }
    builder.end_object();
    const JsonTree tree = builder.finish();
    std::vector<std::string> keys;
    for (const JsonValue member : tree.root().children()) {
        keys.emplace_back(member.key());
        CHECK(member[0].string() == member.key()); // each value moved with its key
    }
    CHECK(keys == std::vector<std::string>{"B", "a", "b", "zone", "ä"});
    CHECK(tree.root().find("b")[0].string() == "b");
    CHECK(tree.root().find("ä")[0].string() == "ä");
}

TEST_CASE("a rolled-back member leaves no trace", "[json_tree]") {
    JsonTreeBuilder builder;
    builder.begin_object();
    builder.key("kept");
    builder.boolean(true);
    const JsonTreeBuilder::Mark mark = builder.mark();
    builder.key("dropped");
    builder.begin_object();
    builder.key("inner");
    builder.string("text");
    builder.end_object();
    builder.rollback(mark);
    builder.end_object();
    CHECK(builder.finish().to_nlohmann() == json{{"kept", true}});
}

TEST_CASE("views of a tree survive moving the tree", "[json_tree]") {
    JsonTree tree(json{{"k", "v"}});
    const JsonValue value = tree.root().find("k");
    const JsonTree moved = std::move(tree);
    CHECK(value.string() == "v");
    CHECK(moved.root().find("k").string() == "v");
}

TEST_CASE("a default JsonTree is null", "[json_tree]") {
    const JsonTree tree;
    CHECK(tree.root());
    CHECK(tree.root().is_null());
    CHECK(tree.root().children().begin() == tree.root().children().end());
}

TEST_CASE("the builder refuses unbalanced events", "[json_tree]") {
    JsonTreeBuilder builder;
    builder.begin_array();
    CHECK_THROWS(builder.end_object());
    CHECK_THROWS(builder.finish());
}
