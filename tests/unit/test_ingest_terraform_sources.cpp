#include "costgate/ingest/terraform_sources.hpp"
#include "costgate/model/error.hpp"

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>

using namespace costgate;
using namespace costgate::ingest;
namespace fs = std::filesystem;

namespace {

/// A Terraform configuration of its own per test case, removed at the end.
struct Configuration {
    fs::path root;
    explicit Configuration(const std::string& name)
        : root(fs::temp_directory_path() / ("costgate_test_terraform_sources_" + name)) {
        fs::remove_all(root);
        write("main.tf", R"(resource "aws_instance" "web" {
  instance_type = "t3.micro"
}

module "app" {
  source = "./modules/app"
}

module "vpc" {
  source  = "terraform-aws-modules/vpc/aws"
  version = "5.0.0"
}
)");
        write("modules/app/compute.tf", R"(# the app's servers
resource "aws_instance" "server" {
  count = 2
}

module "db" {
  source = "../db"
}
)");
        write("modules/db/main.tf", "\n\nresource \"aws_db_instance\" \"main\" {}\n");
    }
    ~Configuration() { fs::remove_all(root); }

    void write(const std::string& relative, const std::string& text) const {
        fs::create_directories((root / relative).parent_path());
        std::ofstream(root / relative) << text;
    }

    Resource located(const std::string& address) const {
        std::vector<Resource> resources(1);
        resources[0].address = address;
        locate_declarations(root.string(), resources);
        return resources[0];
    }
};

} // namespace

TEST_CASE("resources point at their resource block, in the root and in local modules",
          "[ingest][tf]") {
    const Configuration tf("modules");
    const Resource web = tf.located("aws_instance.web");
    CHECK(web.declared_file == (tf.root / "main.tf").string());
    CHECK(web.declared_line == 1);
    const Resource server = tf.located("module.app.aws_instance.server[1]");
    CHECK(server.declared_file == (tf.root / "modules/app/compute.tf").string());
    CHECK(server.declared_line == 2);
    const Resource db = tf.located(R"(module.app["blue"].module.db.aws_db_instance.main)");
    CHECK(db.declared_file == (tf.root / "modules/db/main.tf").string());
    CHECK(db.declared_line == 3);
}

TEST_CASE("resources whose block is not in a local .tf file keep no declaration", "[ingest][tf]") {
    const Configuration tf("unfound");
    for (const char* address :
         {"module.vpc.aws_vpc.this[0]", "aws_instance.missing", "module.nope.aws_instance.web",
          "data.aws_ami.ubuntu", "module.app.data.aws_ami.x"}) {
        INFO(address);
        const Resource resource = tf.located(address);
        CHECK(resource.declared_file.empty());
        CHECK(resource.declared_line == 0);
    }
}

TEST_CASE("the default configuration is the plan's folder when it holds .tf files",
          "[ingest][tf]") {
    const Configuration tf("default");
    CHECK(default_tf_dir((tf.root / "plan.json").string()) == tf.root.string());
    CHECK(default_tf_dir((tf.root / "modules/plan.json").string()).empty());
    CHECK(default_tf_dir("-").empty());
}

TEST_CASE("a --tf-dir that is not a directory is an error naming it", "[ingest][tf]") {
    std::vector<Resource> resources(1);
    resources[0].address = "aws_instance.web";
    CHECK_THROWS_WITH(locate_declarations("no/such/dir", resources), "no/such/dir: no such file");
    CHECK_THROWS_WITH(locate_declarations("/dev/null", resources),
                      "/dev/null: --tf-dir: not a directory");
}
