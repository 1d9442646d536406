#include "costgate/model/error.hpp"
#include "costgate/util/json_document.hpp"
#include "ingest/json_reader.hpp"

#include <catch2/catch.hpp>
#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

using namespace costgate;
using namespace costgate::ingest;

namespace {

using Kind = JsonKeep::Kind;
constexpr JsonKeep k_whole{Kind::whole};
constexpr JsonKeep k_marker{Kind::marker};

/// Collects the trees an own_tree keep hands over.
class Trees : public JsonTreeSink {
  public:
    void take(int slot, JsonTreeBuilder& built) override {
        taken.emplace_back(slot, built.root().to_nlohmann());
    }
    std::vector<std::pair<int, nlohmann::json>> taken;
};

nlohmann::json read(const std::string& text, const JsonKeep& keep = k_whole,
                    JsonPieces pieces = {}) {
    Trees trees;
    return JsonReader({"doc.json", text}, pieces).read(keep, trees).to_nlohmann();
}

/// Pieces small enough that every container of a short test document is cut out.
constexpr JsonPieces k_tiny_pieces{16, 1};

const std::string k_document =
    R"(  {"name": "web", "size": 20, "ratio": -0.5, "big": 18446744073709551615,
    "tags": {"team": "a\"b", "env": "pro\u0064"}, "list": [1, [2, [3, {}]], [], null, true],
    "nested": {"a": {"b": {"c": [{"d": "e"}, "f"]}}}} )";

} // namespace

TEST_CASE("a document kept whole reads as nlohmann/json reads it", "[ingest][json]") {
    const nlohmann::json expected = nlohmann::json::parse(k_document);
    CHECK(read(k_document) == expected);
    // Integers keep nlohmann/json's types: non-negative ones are unsigned.
    CHECK(read(k_document).at("size").is_number_unsigned());
    CHECK(read(R"([-3])").at(0).is_number_integer());
    SECTION("also when read in pieces") {
        CHECK(read(k_document, k_whole, k_tiny_pieces) == expected);
        CHECK(read(k_document, k_whole, {64, 8}) == expected);
    }
}

TEST_CASE("scalars at the top level read alone", "[ingest][json]") {
    CHECK(read("42") == 42);
    CHECK(read(" \"text\" ") == "text");
    CHECK(read("null").is_null());
    // Beyond 64 bits: a double, as nlohmann/json reads it.
    CHECK(read("123456789012345678901234567890").is_number_float());
}

TEST_CASE("fields keep only the members they name, and every value is still checked",
          "[ingest][json]") {
    static constexpr JsonKeep::Field fields[] = {{"name", &k_whole}, {"tags", &k_marker}};
    static constexpr JsonKeep keep{Kind::fields, fields};
    CHECK(read(k_document, keep) == nlohmann::json{{"name", "web"}, {"tags", nullptr}});
    CHECK(read(k_document, keep, k_tiny_pieces) ==
          nlohmann::json{{"name", "web"}, {"tags", nullptr}});
    // A member that is not kept is still parsed: its error is the document's.
    CHECK_THROWS_WITH(read(R"({"name": "web", "other": [1, 2,]})", keep),
                      Catch::StartsWith("doc.json:1:") && Catch::Contains("invalid JSON"));
}

TEST_CASE("own trees go to the sink in document order, the inner one first", "[ingest][json]") {
    static constexpr JsonKeep state{Kind::own_tree, {}, &k_whole, 2};
    static constexpr JsonKeep::Field change_fields[] = {{"after", &state}};
    static constexpr JsonKeep change{Kind::fields, change_fields};
    static constexpr JsonKeep entry{Kind::own_tree, {}, &change, 1};
    static constexpr JsonKeep entries{Kind::each_element, {}, &entry};
    const std::string text = R"([{"after": {"a": 1}, "x": 0}, {"after": null}, 7])";
    for (const JsonPieces pieces : {JsonPieces{}, k_tiny_pieces}) {
        Trees trees;
        const JsonTree top = JsonReader({"doc.json", text}, pieces).read(entries, trees);
        // Entries are left as nulls in their array; the non-object one is kept whole.
        CHECK(top.to_nlohmann() == nlohmann::json::array({nullptr, nullptr, nullptr}));
        const std::vector<std::pair<int, nlohmann::json>> expected = {{2, {{"a", 1}}},
                                                                      {1, nlohmann::json::object()},
                                                                      {2, nullptr},
                                                                      {1, nlohmann::json::object()},
                                                                      {1, 7}};
        CHECK(trees.taken == expected);
    }
}

TEST_CASE("invalid JSON is reported by nlohmann/json with its line and column", "[ingest][json]") {
    for (const JsonPieces pieces : {JsonPieces{}, k_tiny_pieces}) {
        CHECK_THROWS_AS(read("{\"a\": [1, 2}", k_whole, pieces), InputError);
        CHECK_THROWS_WITH(read("{\"a\": 1,\n \"b\": tru}", k_whole, pieces),
                          Catch::StartsWith("doc.json:2:") && Catch::Contains("invalid JSON"));
        CHECK_THROWS_WITH(read("{\"a\": {\"b\": [1]}} x", k_whole, pieces),
                          Catch::Contains("unexpected data after the end of the JSON document"));
        CHECK_THROWS_WITH(read("[1e400]", k_whole, pieces),
                          Catch::Contains("number overflow parsing '1e400'"));
        CHECK_THROWS_WITH(read("[\"\xff\"]", k_whole, pieces), Catch::Contains("invalid JSON"));
    }
}

TEST_CASE("a key repeated with another value is an error, with the same value read once",
          "[ingest][json]") {
    for (const JsonPieces pieces : {JsonPieces{}, k_tiny_pieces}) {
        CHECK(read(R"({"a": {"x": [1]}, "b": 2, "a": {"x": [1]}})", k_whole, pieces) ==
              nlohmann::json{{"a", {{"x", {1}}}}, {"b", 2}});
        CHECK_THROWS_WITH(read(R"({"t": {"a": 1, "a": 2}})", k_whole, pieces),
                          Catch::Contains("doc.json") && Catch::Contains("t.a"));
    }
}

TEST_CASE("nesting deeper than the document limit is an error naming the path", "[ingest][json]") {
    const std::size_t depth = util::k_max_document_depth + 1;
    const std::string text = std::string(depth, '[') + std::string(depth, ']');
    CHECK_THROWS_AS(read(text), InputError);
    CHECK(read(text.substr(1, text.size() - 2)).is_array());
}
