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
    CHECK_THROWS(builder.root());
}

TEST_CASE("the builder's root reads the value in place, and clear forgets it", "[json_tree]") {
    JsonTreeBuilder builder;
    builder.begin_object();
    builder.key("b");
    builder.integer(-1);
    builder.key("a");
    builder.boolean(false);
    builder.end_object();
    CHECK(builder.root().to_nlohmann() == json{{"a", false}, {"b", -1}});
    CHECK((*builder.root().children().begin()).key() == "a"); // sorted when the object ended
    builder.clear();
    CHECK_THROWS(builder.root());
    builder.begin_array();
    builder.end_array();
    CHECK(builder.finish().to_nlohmann() == json::array());
}

TEST_CASE("trees finished into one arena share its block and outlive it", "[json_tree]") {
    JsonTree first;
    JsonTree second;
    {
        costgate::JsonArena arena;
        JsonTreeBuilder builder;
        builder.begin_object();
        builder.key("type");
        builder.string("t3.micro");
        builder.end_object();
        first = builder.finish(arena);
        builder.begin_array();
        builder.string("eu-west-1");
        builder.unsigned_integer(7);
        builder.end_array();
        second = builder.finish(arena);
        // One block. The first tree: 2 nodes (32 bytes), the key "type" with its 4-byte
        // length (8), "t3.micro" at 40 (8 more): 48 bytes, a multiple of 16. The second: 3
        // nodes from 48, "eu-west-1" at 48 + 48 = 96, 56 bytes after "t3.micro".
        CHECK(second.root()[0].string().data() - first.root().find("type").string().data() == 56);
    }
    CHECK(first.to_nlohmann() == json{{"type", "t3.micro"}});
    CHECK(second.to_nlohmann() == json{"eu-west-1", 7});
}

TEST_CASE("a moved-from tree is null", "[json_tree]") {
    JsonTree tree(json{{"k", "v"}});
    JsonTree moved(std::move(tree));
    CHECK(tree.root().is_null()); // NOLINT(bugprone-use-after-move): what is tested
    JsonTree assigned;
    assigned = std::move(moved);
    CHECK(moved.root().is_null()); // NOLINT(bugprone-use-after-move)
    CHECK(assigned.to_nlohmann() == json{{"k", "v"}});
}
