#include "costgate/ingest/kustomize.hpp"
#include "costgate/model/error.hpp"

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>

using namespace costgate;
using namespace costgate::ingest;
namespace fs = std::filesystem;

namespace {

/// A kustomize tree of its own per test case, removed at the end: a base, two overlays of
/// it (prod also takes a component) and a plain manifest folder.
struct Tree {
    fs::path root;
    explicit Tree(const std::string& name)
        : root(fs::temp_directory_path() / ("costgate_test_kustomize_" + name)) {
        fs::remove_all(root);
        write("base/kustomization.yaml", "resources: [deployment.yaml]\n");
        write("base/deployment.yaml", "kind: Deployment\n");
        write("overlays/staging/kustomization.yaml", "resources:\n  - ../../base\n");
        write("overlays/prod/kustomization.yml",
              "resources: [../../base]\ncomponents: [../../components/logging]\n");
        write("components/logging/kustomization.yaml",
              "apiVersion: kustomize.config.k8s.io/v1alpha1\nkind: Component\n");
    }
    ~Tree() { fs::remove_all(root); }
    Tree(const Tree&) = delete;
    Tree& operator=(const Tree&) = delete;

    void write(const std::string& relative, const std::string& text) const {
        fs::create_directories((root / relative).parent_path());
        std::ofstream(root / relative) << text;
    }
    fs::path at(const std::string& relative) const { return root / relative; }
};

} // namespace

TEST_CASE("a folder's kustomization file is found by any of kustomize's names",
          "[ingest][kustomize]") {
    const Tree tree("names");
    CHECK(kustomization_file(tree.at("base")) == tree.at("base/kustomization.yaml"));
    CHECK(kustomization_file(tree.at("overlays/prod")) ==
          tree.at("overlays/prod/kustomization.yml"));
    tree.write("other/Kustomization", "resources: []\n");
    CHECK(kustomization_file(tree.at("other")) == tree.at("other/Kustomization"));
    CHECK(kustomization_file(tree.at("overlays")).empty());
}

TEST_CASE("overlays are rendered, not the base or component they include", "[ingest][kustomize]") {
    const Tree tree("roots");
    const std::vector<fs::path> all = {tree.at("overlays/staging"), tree.at("base"),
                                       tree.at("components/logging"), tree.at("overlays/prod")};
    CHECK(kustomize_roots(all) ==
          std::vector<fs::path>{tree.at("overlays/prod"), tree.at("overlays/staging")});
    // Alone, a base is what there is to render; a component never is.
    CHECK(kustomize_roots({tree.at("base")}) == std::vector<fs::path>{tree.at("base")});
    CHECK(kustomize_roots({tree.at("components/logging")}).empty());
    // The same folder spelt twice is rendered once, under its first spelling.
    CHECK(kustomize_roots({tree.at("base"), tree.at("overlays/../base")}) ==
          std::vector<fs::path>{tree.at("base")});
}

TEST_CASE("a base included through another kustomization is still not a root",
          "[ingest][kustomize]") {
    const Tree tree("transitive");
    tree.write("overlays/prod-eu/kustomization.yaml", "resources: [../prod]\n");
    CHECK(
        kustomize_roots({tree.at("base"), tree.at("overlays/prod"), tree.at("overlays/prod-eu")}) ==
        std::vector<fs::path>{tree.at("overlays/prod-eu")});
}

TEST_CASE("kustomizations that include each other are both kept for kubectl to report",
          "[ingest][kustomize]") {
    const Tree tree("cycle");
    tree.write("a/kustomization.yaml", "resources: [../b]\n");
    tree.write("b/kustomization.yaml", "resources: [../a]\n");
    CHECK(kustomize_roots({tree.at("a"), tree.at("b")}).size() == 2);
}

TEST_CASE("a remote resource is refused at its line, before kubectl runs", "[ingest][kustomize]") {
    const Tree tree("remote");
    const std::string file = tree.at("overlays/prod/kustomization.yml").string();
    tree.write("overlays/prod/kustomization.yml",
               "resources:\n  - ../../base\n  - https://example.com/app.yaml\n");
    CHECK_THROWS_WITH(check_offline(tree.at("overlays/prod")),
                      Catch::StartsWith(file + ":3:5: resources entry "
                                               "\"https://example.com/app.yaml\" is remote; "
                                               "costgate never goes to the network"));
    // kustomize takes a host name first for a git repository.
    tree.write("overlays/prod/kustomization.yml",
               "bases:\n- github.com/org/repo/deploy?ref=v1.0\n");
    CHECK_THROWS_WITH(check_offline(tree.at("overlays/prod")),
                      Catch::StartsWith(file +
                                        ":2:3: bases entry "
                                        "\"github.com/org/repo/deploy?ref=v1.0\" is remote"));
    tree.write("overlays/prod/kustomization.yml", "components: [example.org/team/logging]\n");
    CHECK_THROWS_WITH(check_offline(tree.at("overlays/prod")), Catch::Contains("is remote"));
    // A missing local path is kubectl's to report: it fails without network.
    tree.write("overlays/prod/kustomization.yml", "resources: [missing.yaml, ../missing]\n");
    CHECK_NOTHROW(check_offline(tree.at("overlays/prod")));
    tree.write("overlays/prod/kustomization.yml", "resources: [git@github.com:org/repo.git]\n");
    CHECK_THROWS_WITH(check_offline(tree.at("overlays/prod")),
                      Catch::Contains("is remote; costgate never goes to the network"));
}

TEST_CASE("a remote path anywhere kustomize loads files is refused", "[ingest][kustomize]") {
    const Tree tree("remote_paths");
    const std::string file = tree.at("base/kustomization.yaml").string();
    const auto refused = [&](const std::string& text, const std::string& message) {
        tree.write("base/kustomization.yaml", text);
        CHECK_THROWS_WITH(check_offline(tree.at("base")), Catch::StartsWith(file + ":" + message));
    };
    refused("patches:\n  - path: https://example.com/p.yaml\n",
            "2:11: patches \"https://example.com/p.yaml\" is remote; costgate never goes to the "
            "network: render it where fetching is allowed and pipe the result in (`kubectl "
            "kustomize DIR | costgate check --k8s -`)");
    refused("configMapGenerator:\n  - name: c\n    files: [conf=http://example.com/c]\n",
            "3:13: configMapGenerator \"conf=http://example.com/c\" is remote");
    refused("openapi: {path: 'https://example.com/schema.json'}\n",
            "1:17: openapi \"https://example.com/schema.json\" is remote");
}

TEST_CASE("a remote resource in a base is refused when its overlay is rendered",
          "[ingest][kustomize]") {
    const Tree tree("remote_base");
    tree.write("base/kustomization.yaml",
               "resources:\n- deployment.yaml\n- https://x.test/a.yaml\n");
    CHECK_THROWS_WITH(
        check_offline(tree.at("overlays/staging")),
        Catch::StartsWith(tree.at("overlays/staging/../../base").lexically_normal().string() +
                          "/kustomization.yaml:3:3: resources entry"));
}

TEST_CASE("remote references do not change which kustomizations are roots", "[ingest][kustomize]") {
    const Tree tree("remote_roots");
    tree.write("overlays/prod/kustomization.yml",
               "resources: [../../base, https://x.test/a.yaml]\n");
    CHECK(kustomize_roots({tree.at("base"), tree.at("overlays/prod")}) ==
          std::vector<fs::path>{tree.at("overlays/prod")});
}

TEST_CASE("inline patches and local files pass the offline check", "[ingest][kustomize]") {
    const Tree tree("inline");
    tree.write("base/kustomization.yaml",
               "resources: [deployment.yaml]\n"
               "patches:\n  - patch: |-\n      - op: replace\n        path: /spec/replicas\n"
               "        value: 3\n    target: {kind: Deployment}\n"
               "  - path: local-patch.yaml\n"
               "configMapGenerator:\n  - name: c\n    files: [conf=settings.conf]\n"
               "    literals: [url=https://example.com]\n");
    CHECK_NOTHROW(check_offline(tree.at("base")));
}
