#include "costgate/ingest/terraform_source.hpp"
#include "costgate/model/error.hpp"

#include <algorithm>
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

using namespace costgate;
using costgate::ingest::read_terraform_source;
using costgate::ingest::TerraformSourceOptions;
namespace fs = std::filesystem;

namespace {

/// A Terraform root of its own per test case, removed at the end.
struct Root {
    fs::path directory;
    explicit Root(const std::string& name)
        : directory(fs::temp_directory_path() / ("costgate_test_source_" + name)) {
        fs::remove_all(directory);
        fs::create_directories(directory);
    }
    ~Root() { fs::remove_all(directory); }

    void write(const std::string& relative, const std::string& text) const {
        fs::create_directories((directory / relative).parent_path());
        std::ofstream(directory / relative) << text;
    }

    std::vector<Resource> read(const TerraformSourceOptions& options = {}) const {
        return read_terraform_source(directory.string(), options);
    }
};

const Resource& find(const std::vector<Resource>& resources, const std::string& address) {
    const auto found =
        std::find_if(resources.begin(), resources.end(),
                     [&](const Resource& resource) { return resource.address == address; });
    if (found == resources.end())
        FAIL("no resource " << address);
    return *found;
}

nlohmann::json after(const Resource& resource) {
    return resource.after->to_nlohmann();
}

} // namespace

TEST_CASE("a resource becomes a create with its attributes, region, tags and block line") {
    Root root("basic");
    root.write("main.tf", R"(provider "aws" {
  region = "eu-west-1"
  default_tags {
    tags = { team = "platform" }
  }
}

resource "aws_instance" "web" {
  instance_type = "m5.large"
  root_block_device {
    volume_size = 50
  }
  tags = { Name = "web" }
}
)");
    const std::vector<Resource> resources = root.read();
    REQUIRE(resources.size() == 1);
    const Resource& web = resources[0];
    CHECK(web.address == "aws_instance.web");
    CHECK(web.type == "aws_instance");
    CHECK(web.provider == "aws");
    CHECK(web.action == Action::create);
    CHECK(!web.before);
    CHECK(after(web)["instance_type"] == "m5.large");
    CHECK(after(web)["root_block_device"][0]["volume_size"] == 50);
    CHECK(web.region == "eu-west-1");
    CHECK(web.tags == std::map<std::string, std::string>{{"Name", "web"}, {"team", "platform"}});
    CHECK(web.declared_file == (root.directory / "main.tf").string());
    CHECK(web.declared_line == 8);
    CHECK(web.after_unknown.root().empty());
}

TEST_CASE("variables: defaults, tfvars, auto.tfvars, --var-file and --var, later ones winning") {
    Root root("variables");
    root.write("variables.tf", R"(variable "type" { default = "t3.micro" }
variable "size" { type = number }
variable "count_of" {
  type    = number
  default = 1
}
variable "zones" { type = list(string) }
)");
    root.write("main.tf", R"(resource "aws_ebs_volume" "data" {
  count             = var.count_of
  type              = var.type
  size              = var.size
  availability_zone = var.zones[count.index]
}
)");
    root.write("terraform.tfvars", "size = 10\ntype = \"gp2\"\n");
    root.write("b.auto.tfvars", "size = 30\n");
    root.write("a.auto.tfvars.json", R"({"size": 20, "count_of": 2})");
    root.write("extra.tfvars", "type = \"gp3\"\n");
    TerraformSourceOptions options;
    options.var_files = {(root.directory / "extra.tfvars").string()};
    options.vars = {"zones=[\"us-east-1a\", \"us-east-1b\"]"};
    const std::vector<Resource> resources = root.read(options);
    REQUIRE(resources.size() == 2);
    const Resource& second = find(resources, "aws_ebs_volume.data[1]");
    CHECK(after(second)["type"] == "gp3");
    CHECK(after(second)["size"] == 30);
    CHECK(after(second)["availability_zone"] == "us-east-1b");
    CHECK(second.region == "us-east-1");
}

TEST_CASE("locals, for_each over a map and addresses as Terraform prints them") {
    Root root("for_each");
    root.write("main.tf", R"(locals {
  sizes = { small = "t3.micro", "big one" = "m5.large" }
  names = toset(["a", "b"])
}
resource "aws_instance" "by_size" {
  for_each      = local.sizes
  instance_type = each.value
  tags          = { Name = each.key }
}
resource "aws_instance" "by_name" {
  for_each      = local.names
  instance_type = "t3.${each.key == "a" ? "small" : "medium"}"
}
)");
    const std::vector<Resource> resources = root.read();
    REQUIRE(resources.size() == 4);
    CHECK(after(find(resources, "aws_instance.by_size[\"big one\"]"))["instance_type"] ==
          "m5.large");
    CHECK(find(resources, "aws_instance.by_size[\"small\"]").tags.at("Name") == "small");
    CHECK(after(find(resources, "aws_instance.by_name[\"b\"]"))["instance_type"] == "t3.medium");
}

TEST_CASE("another resource's configured attributes are known, its computed ones are not") {
    Root root("resource_references");
    root.write("main.tf", R"(resource "azurerm_resource_group" "main" {
  name     = "rg"
  location = "westeurope"
}
resource "azurerm_service_plan" "plan" {
  name                = "plan"
  location            = azurerm_resource_group.main.location
  resource_group_name = azurerm_resource_group.main.name
  os_type             = "Linux"
  sku_name            = "B1"
}
resource "aws_instance" "web" {
  count         = 2
  instance_type = "t3.micro"
}
resource "aws_instance" "by_zone" {
  for_each      = { a = "m5.large" }
  instance_type = each.value
}
resource "aws_ebs_volume" "data" {
  availability_zone = aws_instance.web[1].availability_zone
  size              = length(aws_instance.web) * 10
  type              = aws_instance.by_zone["a"].instance_type == "m5.large" ? "gp3" : "gp2"
  snapshot_id       = aws_instance.web[0].id
}
resource "aws_eip" "ip" {
  instance = aws_instance.missing.id
}
)");
    const std::vector<Resource> resources = root.read();
    const Resource& plan = find(resources, "azurerm_service_plan.plan");
    CHECK(after(plan)["location"] == "westeurope");
    CHECK(after(plan)["resource_group_name"] == "rg");
    CHECK(plan.region == "westeurope");
    const nlohmann::json volume = after(find(resources, "aws_ebs_volume.data"));
    CHECK(volume["size"] == 20);
    CHECK(volume["type"] == "gp3");
    // Set by the provider at apply, so unknown, as a plan reports them.
    CHECK(volume["availability_zone"].is_null());
    CHECK(volume["snapshot_id"].is_null());
    CHECK(find(resources, "aws_ebs_volume.data").after_unknown.to_nlohmann() ==
          nlohmann::json{{"availability_zone", true}, {"snapshot_id", true}});
    CHECK(after(find(resources, "aws_eip.ip"))["instance"].is_null());
}

TEST_CASE("a resource whose configuration refers back to itself through another is refused") {
    Root root("resource_cycle");
    root.write("main.tf", R"(resource "aws_instance" "a" {
  instance_type = aws_instance.b.instance_type
}
resource "aws_instance" "b" {
  instance_type = aws_instance.a.instance_type
}
)");
    CHECK_THROWS_WITH(root.read(),
                      Catch::Contains("main.tf:") && Catch::Contains("refers to itself"));
}

TEST_CASE("local modules are read with their inputs and outputs, remote ones are not") {
    Root root("modules");
    root.write("main.tf", R"(module "app" {
  source   = "./modules/app"
  for_each = { blue = 1, green = 2 }
  replicas = each.value
}
module "vpc" {
  source = "terraform-aws-modules/vpc/aws"
}
resource "aws_ebs_volume" "log" {
  size              = module.app["green"].total
  availability_zone = "us-west-2a"
  tags              = { vpc = module.vpc.vpc_id }
}
)");
    root.write("modules/app/main.tf", R"(variable "replicas" { type = number }
resource "aws_instance" "server" {
  count         = var.replicas
  instance_type = "m5.large"
}
output "total" { value = var.replicas * 100 }
)");
    const std::vector<Resource> resources = root.read();
    REQUIRE(resources.size() == 4);
    find(resources, "module.app[\"blue\"].aws_instance.server[0]");
    const Resource& green = find(resources, "module.app[\"green\"].aws_instance.server[1]");
    CHECK(green.declared_file ==
          (root.directory / "modules/app/main.tf").lexically_normal().string());
    CHECK(green.declared_line == 2);
    const Resource& log = find(resources, "aws_ebs_volume.log");
    CHECK(after(log)["size"] == 200);
    CHECK(log.after_unknown.root().find("tags").find("vpc").boolean());
}

TEST_CASE(
    "unknown values: data sources, resource attributes, variables without a value, unknown count") {
    Root root("unknowns");
    root.write("main.tf", R"(variable "type" {}
data "aws_ami" "ubuntu" {}
resource "aws_instance" "a" {
  instance_type = var.type
  ami           = data.aws_ami.ubuntu.id
}
resource "aws_instance" "b" {
  count         = length(aws_instance.a.ipv6_addresses)
  instance_type = "t3.micro"
}
)");
    const std::vector<Resource> resources = root.read();
    REQUIRE(resources.size() == 2);
    const Resource& a = find(resources, "aws_instance.a");
    CHECK(a.after_unknown.root().find("instance_type").boolean());
    CHECK(a.after_unknown.root().find("ami").boolean());
    CHECK(after(a)["instance_type"].is_null());
    const Resource& b = find(resources, "aws_instance.b");
    CHECK(b.after_unknown.root().find("instance_type").boolean());
    REQUIRE(b.notes.size() == 1);
    CHECK_THAT(b.notes[0], Catch::Contains("count or for_each is not known"));
}

TEST_CASE(".tf.json files read into the same resources") {
    Root root("json");
    root.write("main.tf.json", R"({
  "variable": {"size": {"default": 40}},
  "provider": {"aws": {"region": "us-west-2"}},
  "resource": {
    "aws_ebs_volume": {
      "data": {
        "size": "${var.size * 2}",
        "type": "gp3",
        "tags": {"team": "data"}
      }
    }
  }
})");
    const std::vector<Resource> resources = root.read();
    REQUIRE(resources.size() == 1);
    CHECK(after(resources[0])["size"] == 80);
    CHECK(resources[0].region == "us-west-2");
    CHECK(resources[0].tags.at("team") == "data");
    CHECK(resources[0].declared_line == 6); // the line of the "data" object
}

TEST_CASE("providers: aliases, module provider maps and inheritance") {
    Root root("providers");
    root.write("main.tf", R"(provider "aws" { region = "us-east-1" }
provider "aws" {
  alias  = "west"
  region = "us-west-2"
}
resource "aws_instance" "east" { instance_type = "t3.micro" }
resource "aws_instance" "west" {
  provider      = aws.west
  instance_type = "t3.micro"
}
module "inherits" { source = "./m" }
module "mapped" {
  source    = "./m"
  providers = { aws = aws.west }
}
)");
    root.write("m/main.tf", "resource \"aws_instance\" \"x\" { instance_type = \"t3.micro\" }\n");
    const std::vector<Resource> resources = root.read();
    CHECK(find(resources, "aws_instance.east").region == "us-east-1");
    CHECK(find(resources, "aws_instance.west").region == "us-west-2");
    CHECK(find(resources, "module.inherits.aws_instance.x").region == "us-east-1");
    CHECK(find(resources, "module.mapped.aws_instance.x").region == "us-west-2");
}

TEST_CASE("a chain of references thousands deep is bad input, not a stack overflow") {
    // Before, 10,000 locals each naming the next crashed costgate (SIGSEGV); a chain of
    // resource arguments in reverse order did the same, after minutes.
    Root root("reference_depth");
    std::string locals = "locals {\n  l0 = \"eastus\"\n";
    for (int i = 1; i < 10000; ++i)
        locals += "  l" + std::to_string(i) + " = local.l" + std::to_string(i - 1) + "\n";
    root.write("main.tf", locals + "}\nresource \"azurerm_resource_group\" \"r\" {\n"
                                   "  location = local.l9999\n}\n");
    CHECK_THROWS_WITH(root.read(), Catch::Contains("references nest more than 1000 deep"));

    // Resources in file order: each argument is evaluated once, however long the chain.
    std::string chain = "resource \"azurerm_resource_group\" \"r0\" { location = \"eastus\" }\n";
    for (int i = 1; i < 3000; ++i)
        chain += "resource \"azurerm_resource_group\" \"r" + std::to_string(i) +
                 "\" { location = azurerm_resource_group.r" + std::to_string(i - 1) +
                 ".location }\n";
    root.write("main.tf", chain);
    CHECK(find(root.read(), "azurerm_resource_group.r2999").region == "eastus");
}

TEST_CASE("bad configuration is an InputError at file:line:column") {
    Root root("errors");
    root.write("main.tf", "resource \"aws_instance\" \"a\" {\n  instance_type = var.missing\n}\n");
    CHECK_THROWS_WITH(root.read(), (root.directory / "main.tf").string() +
                                       ":2:19: reference to undeclared input variable \"missing\"");
    root.write(
        "main.tf",
        "locals {\n  a = local.b\n  b = local.a\n}\nresource \"x_y\" \"z\" { v = local.a }\n");
    CHECK_THROWS_WITH(root.read(), Catch::Contains("local.a refers to itself"));
    const Root empty("empty");
    CHECK_THROWS_WITH(empty.read(), Catch::Contains("no Terraform configuration files"));
}

TEST_CASE("the resources an attribute's expressions name are its references, as in a plan") {
    Root root("configured_references");
    root.write("main.tf", R"(resource "aws_launch_template" "web" {
  instance_type = "t3.micro"
}
resource "aws_launch_template" "many" {
  count         = 2
  instance_type = "t3.micro"
}
resource "aws_autoscaling_group" "web" {
  desired_capacity = 2
  launch_template {
    id      = aws_launch_template.web.id
    version = "$Latest"
  }
}
resource "aws_autoscaling_group" "counted" {
  launch_template {
    id = aws_launch_template.many[0].id
  }
}
resource "azurerm_mssql_database" "orders" {
  server_id = azurerm_mssql_server.main.id
  name      = aws_launch_template.web.name
}
resource "azurerm_mssql_server" "main" {
  location = "eastus"
}
)");
    const std::vector<Resource> resources = root.read();
    using References = std::map<std::string, std::vector<std::string>>;
    CHECK(find(resources, "aws_autoscaling_group.web").references ==
          References{{"launch_template", {"aws_launch_template.web"}}});
    // Which instance of a counted resource is meant is known only by evaluating the index.
    CHECK(find(resources, "aws_autoscaling_group.counted").references.empty());
    // Only the attributes pricing follows are kept (name is not one).
    CHECK(find(resources, "azurerm_mssql_database.orders").references ==
          References{{"server_id", {"azurerm_mssql_server.main"}}});
}
