#include "cli/config_file.hpp"
#include "costgate/model/error.hpp"

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>

using namespace costgate;
using namespace costgate::cli;
using Catch::StartsWith;
namespace fs = std::filesystem;

namespace {

/// A scratch folder tree of its own per test (ctest runs tests in parallel), removed at
/// the end of the test.
struct Scratch {
    fs::path root;
    explicit Scratch(const std::string& name)
        : root(fs::temp_directory_path() / ("costgate_test_config_file_" + name)) {
        fs::remove_all(root);
        fs::create_directories(root);
    }
    ~Scratch() { fs::remove_all(root); }
    void touch(const std::string& relative) const {
        fs::create_directories((root / relative).parent_path());
        std::ofstream(root / relative) << "{}";
    }
};

std::string error_of(const std::string& yaml) {
    try {
        parse_config_file("repo/costgate.yml", yaml);
    } catch (const InputError& error) {
        return error.what();
    }
    FAIL("no InputError for:\n" << yaml);
    return {};
}

} // namespace

TEST_CASE("a config file's values remember where they were set", "[cli][config]") {
    const ConfigFile config = parse_config_file("repo/costgate.yml", R"(version: 1
policies: [org.yaml]
cluster: eks
format: json
reports: {sarif: out/costgate.sarif}
projects:
  - name: net
    plans: [net/plan.json]
  - name: shop
    k8s: [k8s/prod]
    cluster: gke
)");
    CHECK(config.defaults.policies.value == std::vector<std::string>{"repo/org.yaml"});
    CHECK(config.defaults.policies.origin == "repo/costgate.yml:2:11");
    CHECK(config.format.value == "json");
    CHECK(config.reports.value.at("sarif") == "repo/out/costgate.sarif");
    REQUIRE(config.projects.size() == 2);
    CHECK(config.projects[0].settings.plans.value ==
          std::vector<std::string>{"repo/net/plan.json"});
    CHECK(config.projects[0].settings.cluster.value == "eks");
    CHECK(config.projects[0].settings.cluster.origin == "repo/costgate.yml:3:10");
    CHECK(config.projects[1].settings.cluster.value == "gke");
    CHECK(config.projects[1].settings.cluster.origin == "repo/costgate.yml:11:14");
    CHECK(config.projects[1].settings.cost_centre_tag.value == "cost-centre");
    CHECK_FALSE(config.projects[1].settings.cost_centre_tag.set());
}

TEST_CASE("config file mistakes are reported with file, line and column", "[cli][config]") {
    CHECK_THAT(error_of("version: 1\nprojects:\n  - name: a\n    plans: [p.json]\n    plan: [x]\n"),
               StartsWith("repo/costgate.yml:5:5: unknown key \"plan\" in project"));
    CHECK_THAT(
        error_of("version: 1\nprojects:\n  - name: a\n"),
        StartsWith(
            "repo/costgate.yml:3:5: project \"a\" needs \"plans\", \"terraform\" or \"k8s\""));
    CHECK_THAT(error_of("version: 1\nprojects: {a: 1}\n"),
               StartsWith("repo/costgate.yml:2:11: \"projects\" must be a list"));
    CHECK_THAT(error_of("version: 1\nreports: {sarif: }\n"),
               StartsWith("repo/costgate.yml:2:18: report \"sarif\" needs a file name"));
    CHECK_THAT(error_of("policies: [a]\n"),
               StartsWith("repo/costgate.yml:1:1: config file is missing \"version: 1\""));
}

TEST_CASE("plan globs expand within one path segment, sorted", "[cli][config]") {
    const Scratch scratch("globs");
    for (const char* file : {"infra/b/plan.json", "infra/a/plan.json", "infra/a/other.json",
                             "infra/modules/x/plan.json"})
        scratch.touch(file);
    const auto matches = expand_path_glob(scratch.root, "infra/*/plan.json");
    REQUIRE(matches.size() == 2);
    CHECK(matches[0] == (scratch.root / "infra/a/plan.json").string());
    CHECK(matches[1] == (scratch.root / "infra/b/plan.json").string());
    CHECK(expand_path_glob(scratch.root, "infra/?/*.json").size() == 3);
    CHECK(expand_path_glob(scratch.root, "nothing/*.json").empty());
}

TEST_CASE("the nearest config file above the working directory is found", "[cli][config]") {
    const Scratch scratch("find");
    scratch.touch("repo/.costgate.yml");
    scratch.touch("repo/sub/deeper/file.txt");
    const auto found = find_config_file(scratch.root / "repo/sub/deeper");
    REQUIRE(found);
    CHECK(fs::equivalent(*found, scratch.root / "repo/.costgate.yml"));
    scratch.touch("repo/sub/costgate.yml");
    CHECK(fs::equivalent(*find_config_file(scratch.root / "repo/sub/deeper"),
                         scratch.root / "repo/sub/costgate.yml"));
}

TEST_CASE("a project can be Terraform source roots with their variable files", "[cli][config]") {
    const ConfigFile config = parse_config_file("repo/costgate.yml", R"(version: 1
projects:
  - name: edge
    terraform: [infra/edge]
    var_files: [infra/edge/prod.tfvars]
)");
    REQUIRE(config.projects.size() == 1);
    const RunSettings& settings = config.projects[0].settings;
    CHECK(settings.terraform.value == std::vector<std::string>{"repo/infra/edge"});
    CHECK(settings.terraform.origin == "repo/costgate.yml:4:16");
    CHECK(settings.var_files.value == std::vector<std::string>{"repo/infra/edge/prod.tfvars"});
    CHECK(settings.plans.value.empty());
}
