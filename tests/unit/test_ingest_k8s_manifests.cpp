#include "costgate/ingest/k8s_manifests.hpp"
#include "costgate/model/error.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

using namespace costgate;
using namespace costgate::ingest;

namespace {

std::vector<Resource> read(const std::string& text) {
    return read_k8s_manifest_text({"app.yaml", text});
}

const std::string k_head = "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\n";

} // namespace

TEST_CASE("manifest text is read as the file reader reads it", "[ingest][k8s]") {
    const auto resources = read(
        k_head + "data: {a: '1'}\n---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: y}\n");
    REQUIRE(resources.size() == 2);
    CHECK(resources[0].address == "default/ConfigMap/x");
    CHECK(resources[1].line == 6);
}

TEST_CASE("a repeated key in a manifest takes its last value, with a note", "[ingest][k8s]") {
    // kubectl apply takes such a ConfigMap (the last value wins); so does costgate.
    const auto resources =
        read(k_head + "data:\n  mode: fast\n  mode: slow\n---\n" +
             "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: y}\ndata: {a: '1'}\n");
    REQUIRE(resources.size() == 2);
    CHECK(resources[0].after->root().find("data").find("mode").is_string("slow"));
    CHECK(resources[0].notes ==
          std::vector<std::string>{"duplicate key \"mode\" at line 6: the last value is used"});
    CHECK(resources[1].notes.empty());
    const auto kinds = read("apiVersion: v1\nkind: Pod\nkind: Deployment\nmetadata: {name: x}\n");
    CHECK(kinds.at(0).address == "default/Deployment/x");
}

TEST_CASE("a repeated key in a List is noted on the item that holds it", "[ingest][k8s]") {
    const auto resources = read("kind: List\nitems:\n- " + std::string("kind: ConfigMap\n") +
                                "  metadata: {name: a}\n- kind: ConfigMap\n" +
                                "  metadata: {name: b}\n  data: {k: 1, k: 2}\n");
    REQUIRE(resources.size() == 2);
    CHECK(resources[0].notes.empty());
    CHECK(resources[1].notes ==
          std::vector<std::string>{"duplicate key \"k\" at line 7: the last value is used"});
}

TEST_CASE("a billion-laughs alias bomb is refused before it expands", "[ingest][k8s]") {
    std::string text = k_head + "a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n";
    for (int i = 1; i < 10; ++i) {
        text += "a" + std::to_string(i) + ": &a" + std::to_string(i) + " [";
        for (int j = 0; j < 9; ++j)
            text += (j ? ", *a" : "*a") + std::to_string(i - 1);
        text += "]\n";
    }
    CHECK_THROWS_WITH(read(text), Catch::Contains("app.yaml:") &&
                                      Catch::Contains("YAML aliases expand to more than"));
}

TEST_CASE("a few aliases, as real manifests use them, are fine", "[ingest][k8s]") {
    const auto resources =
        read(k_head + "data:\n  a: &common {x: '1'}\n  b: *common\n  c: *common\n");
    REQUIRE(resources.size() == 1);
    CHECK(resources[0].after->to_nlohmann().at("data").at("c").at("x") == "1");
}

TEST_CASE("an alias to its own enclosing node does not recurse forever", "[ingest][k8s]") {
    CHECK_THROWS_WITH(read(k_head + "data: &a [*a]\n"),
                      "app.yaml:4:11: alias *a refers to a node that contains it");
}

TEST_CASE("nesting beyond the limit is an error, not a stack overflow", "[ingest][k8s]") {
    const int depth = 600;
    std::string block = k_head + "data:\n";
    for (int i = 0; i < depth; ++i)
        block += std::string(2 * (i + 1), ' ') + "k:\n";
    CHECK_THROWS_AS(read(block), InputError);
    const std::string flow =
        k_head + "data: " + std::string(100'000, '[') + std::string(100'000, ']') + "\n";
    CHECK_THROWS_AS(read(flow), InputError);
}

TEST_CASE("long plain scalars are typed without recursion", "[ingest][k8s]") {
    // std::regex overflowed the stack on a 200,000-digit scalar.
    const std::string digits(200'000, '7');
    const auto resources = read(k_head + "data:\n  a: " + digits +
                                "\n  b: 12\n  c: -1.5e3\n  d: .5\n  e: 1.\n  f: 1e\n");
    const nlohmann::json data = resources.at(0).after->to_nlohmann().at("data");
    CHECK(data.at("a").is_string());
    CHECK(data.at("b") == 12);
    CHECK(data.at("c") == -1500.0);
    CHECK(data.at("d") == 0.5);
    CHECK(data.at("e") == 1.0);
    CHECK(data.at("f") == "1e");
}

TEST_CASE("text where a document should start is an error, not an endless loop", "[ingest][k8s]") {
    // yaml-cpp 0.7's LoadAll allocated empty documents forever on these (found by fuzz_k8s).
    CHECK_THROWS_WITH(read(",\n"), Catch::StartsWith("app.yaml:1:1: invalid YAML: "));
    CHECK_THROWS_WITH(read("---\n{\n  kind: Pod,\n  name: x\n    },\n    replicas: 1,\n}\n"),
                      Catch::StartsWith("app.yaml:5:") && Catch::Contains("invalid YAML"));
}

TEST_CASE("Lists in Lists are flattened as kubectl flattens them", "[ingest][k8s]") {
    const auto resources = read("apiVersion: v1\nkind: List\nitems:\n"
                                "- {apiVersion: v1, kind: ConfigMap, metadata: {name: a}}\n"
                                "- apiVersion: v1\n  kind: List\n  items:\n"
                                "  - {apiVersion: v1, kind: ConfigMap, metadata: {name: b}}\n"
                                "  - {apiVersion: v1, kind: List, items: [{apiVersion: v1, kind: "
                                "ConfigMap, metadata: {name: c}}]}\n"
                                "- {apiVersion: v1, kind: List}\n");
    REQUIRE(resources.size() == 3);
    CHECK(resources[0].address == "default/ConfigMap/a");
    CHECK(resources[0].line == 4);
    CHECK(resources[1].address == "default/ConfigMap/b");
    CHECK(resources[1].line == 5);
    CHECK(resources[2].address == "default/ConfigMap/c");
    CHECK_THROWS_WITH(read("apiVersion: v1\nkind: List\nitems: {a: 1}\n"),
                      "app.yaml:1: the items of a List must be a list, found object");
    CHECK_THROWS_WITH(read("apiVersion: v1\nkind: List\nitems:\n- 3\n"),
                      "app.yaml:4: expected a Kubernetes object (a mapping), found number");
}

TEST_CASE("one object twice in the manifests is an error at the second", "[ingest][k8s]") {
    CHECK_THROWS_WITH(read(k_head + "---\n" + k_head),
                      "app.yaml:5: default/ConfigMap/x appears twice in the Kubernetes manifests "
                      "(first at app.yaml:1): it would be priced twice");
    // The same name in another namespace or of another kind is another object.
    CHECK(read(k_head + "---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: x, namespace: "
                        "b}\n---\napiVersion: v1\nkind: Secret\nmetadata: {name: x}\n")
              .size() == 3);
}
