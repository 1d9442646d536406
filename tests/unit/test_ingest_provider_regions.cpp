#include "ingest/provider_regions.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

using namespace costgate;
using namespace costgate::ingest;

using costgate::ingest::ProviderRegions;
using costgate::ingest::strip_instance_keys;

TEST_CASE("instance keys are stripped from addresses", "[ingest][regions]") {
    CHECK(strip_instance_keys(R"(module.a["x.y"].module.b[0].aws_instance.c[1])") ==
          "module.a.module.b.aws_instance.c");
    CHECK(strip_instance_keys("aws_instance.c") == "aws_instance.c");
    CHECK(strip_instance_keys("aws_instance.c[12]") == "aws_instance.c");
    CHECK(strip_instance_keys(R"(module.m["k"])") == "module.m");
    // Brackets, dots and escaped quotes inside a for_each key are part of the key.
    CHECK(strip_instance_keys(R"(aws_instance.c["a]b"])") == "aws_instance.c");
    CHECK(strip_instance_keys(R"(aws_instance.c["say \"]\" x"].y)") == "aws_instance.c.y");
    CHECK(strip_instance_keys(R"(module.a["[0]"].aws_s3_bucket.b)") == "module.a.aws_s3_bucket.b");
}

TEST_CASE("root resources use the provider configuration their key names", "[ingest][regions]") {
    const auto plan = nlohmann::json::parse(R"({"configuration": {
        "provider_config": {
            "aws": {"name": "aws", "expressions": {"region": {"constant_value": "us-east-1"}}},
            "aws.west": {"name": "aws", "alias": "west",
                         "expressions": {"region": {"constant_value": "us-west-2"}}},
            "aws.zone": {"name": "aws", "alias": "zone",
                         "expressions": {"region": {"constant_value": "eu-west-1c"}}}},
        "root_module": {"resources": [
            {"address": "aws_instance.east", "provider_config_key": "aws"},
            {"address": "aws_instance.west", "provider_config_key": "aws.west"},
            {"address": "aws_instance.zoned", "provider_config_key": "aws.zone"}]}}})");
    const costgate::JsonTree tree(plan);
    const ProviderRegions regions(tree);
    CHECK(regions.region_for("aws_instance.east", "aws") == "us-east-1");
    CHECK(regions.region_for("aws_instance.west", "aws") == "us-west-2");
    // A constant that is an availability zone is normalised to its region.
    CHECK(regions.region_for("aws_instance.zoned", "aws") == "eu-west-1");
    // Not in the configuration: the provider's default configuration.
    CHECK(regions.region_for("aws_instance.elsewhere", "aws") == "us-east-1");
    CHECK(regions.region_for("google_compute_instance.x", "google").empty());
}

TEST_CASE("module resources find their provider's region", "[ingest][regions]") {
    const auto plan = nlohmann::json::parse(R"({"configuration": {
        "provider_config": {
            "aws": {"name": "aws", "expressions": {"region": {"constant_value": "us-east-1"}}},
            "module.pinned:aws": {"name": "aws", "module_address": "module.pinned",
                                  "expressions": {"region": {"constant_value": "eu-central-1"}}},
            "module.blank:aws": {"name": "aws", "module_address": "module.blank"}},
        "root_module": {"module_calls": {
            "app": {"module": {
                "resources": [{"address": "aws_instance.a",
                               "provider_config_key": "module.app:aws"}],
                "module_calls": {"deep": {"module": {"resources": [
                    {"address": "aws_instance.b",
                     "provider_config_key": "module.app.module.deep:aws"}]}}}}},
            "pinned": {"module": {
                "resources": [{"address": "aws_instance.c",
                               "provider_config_key": "module.pinned:aws"}],
                "module_calls": {"inner": {"module": {"resources": [
                    {"address": "aws_instance.e",
                     "provider_config_key": "module.pinned.module.inner:aws"}]}}}}},
            "blank": {"module": {"resources": [
                {"address": "aws_instance.d", "provider_config_key": "module.blank:aws"}]}}}}}})");
    const costgate::JsonTree tree(plan);
    const ProviderRegions regions(tree);
    SECTION("an undeclared module key falls back to the root provider") {
        CHECK(regions.region_for("module.app.aws_instance.a", "aws") == "us-east-1");
        CHECK(regions.region_for("module.app.module.deep.aws_instance.b", "aws") == "us-east-1");
    }
    SECTION("a module's own provider block wins, and its children inherit it") {
        CHECK(regions.region_for("module.pinned.aws_instance.c", "aws") == "eu-central-1");
        CHECK(regions.region_for("module.pinned.module.inner.aws_instance.e", "aws") ==
              "eu-central-1");
    }
    SECTION("a module's entry without arguments inherits the root's") {
        // Terraform writes a required_providers entry and an empty provider block alike;
        // the first is what nearly every module has, and configures nothing.
        CHECK(regions.region_for("module.blank.aws_instance.d", "aws") == "us-east-1");
    }
}

TEST_CASE("Terraform 0.12's short module keys are understood", "[ingest][regions]") {
    // Before 0.15 a module's provider configuration was keyed `child:aws`.
    const auto plan = nlohmann::json::parse(R"({"configuration": {
        "provider_config": {
            "aws": {"name": "aws", "expressions": {"region": {"constant_value": "us-east-1"}}},
            "child:aws": {"name": "aws", "module_address": "child",
                          "expressions": {"region": {"constant_value": "ap-southeast-2"}}}},
        "root_module": {"module_calls": {
            "child": {"module": {
                "resources": [{"address": "aws_instance.a", "provider_config_key": "child:aws"}],
                "module_calls": {"grandchild": {"module": {"resources": [
                    {"address": "aws_instance.b", "provider_config_key": "grandchild:aws"}]}}}}},
            "other": {"module": {"resources": [
                {"address": "aws_instance.c", "provider_config_key": "other:aws"}]}}}}}})");
    const costgate::JsonTree tree(plan);
    const ProviderRegions regions(tree);
    CHECK(regions.region_for("module.child.aws_instance.a", "aws") == "ap-southeast-2");
    CHECK(regions.region_for("module.child.module.grandchild.aws_instance.b", "aws") ==
          "ap-southeast-2");
    CHECK(regions.region_for("module.other.aws_instance.c", "aws") == "us-east-1");
}

TEST_CASE("a root provider's region variable is read from the plan's variables",
          "[ingest][regions]") {
    const auto plan = nlohmann::json::parse(R"({
        "variables": {"region": {"value": "eu-north-1"}, "count": {"value": 3}},
        "configuration": {"provider_config": {
            "aws": {"name": "aws", "expressions": {"region": {"references": ["var.region"]}}},
            "aws.local": {"name": "aws", "alias": "local",
                          "expressions": {"region": {"references": ["local.region"]}}},
            "aws.number": {"name": "aws", "alias": "number",
                           "expressions": {"region": {"references": ["var.count"]}}},
            "module.m:aws": {"name": "aws", "module_address": "module.m",
                             "expressions": {"region": {"references": ["var.region"]}}}},
        "root_module": {
            "resources": [
                {"address": "aws_instance.a", "provider_config_key": "aws"},
                {"address": "aws_instance.l", "provider_config_key": "aws.local"},
                {"address": "aws_instance.n", "provider_config_key": "aws.number"}],
            "module_calls": {"m": {"module": {"resources": [
                {"address": "aws_instance.b", "provider_config_key": "module.m:aws"}]}}}}}})");
    const costgate::JsonTree tree(plan);
    const ProviderRegions regions(tree);
    CHECK(regions.region_for("aws_instance.a", "aws") == "eu-north-1");
    CHECK(regions.region_for("aws_instance.l", "aws").empty());
    CHECK(regions.region_for("aws_instance.n", "aws").empty());
    // A module's `var.region` is the module's own variable, which the plan does not give.
    CHECK(regions.region_for("module.m.aws_instance.b", "aws").empty());
}

TEST_CASE("a plan without configuration has no provider regions", "[ingest][regions]") {
    CHECK(ProviderRegions(costgate::JsonTree(nlohmann::json::parse("{}")))
              .region_for("aws_instance.a", "aws")
              .empty());
    CHECK(ProviderRegions(costgate::JsonTree(nlohmann::json::parse(R"({"configuration": []})")))
              .region_for("aws_instance.a", "aws")
              .empty());
}

TEST_CASE("a configuration without a region takes the one its data sources were read in",
          "[ingest][regions]") {
    // Made with AWS_REGION in the environment: no provider block, but the AMI the module's
    // data source found is an us-west-1 image, so the default configuration is us-west-1.
    const auto plan = nlohmann::json::parse(R"({
        "configuration": {"root_module": {
            "resources": [{"address": "aws_ecr_repository.r", "provider_config_key": "aws"}],
            "module_calls": {"app": {"module": {"resources": [
                {"address": "aws_instance.a", "provider_config_key": "app:aws"},
                {"address": "data.aws_ami.ubuntu", "mode": "data",
                 "provider_config_key": "app:aws"}]}}}}},
        "prior_state": {"values": {"root_module": {
            "resources": [
                {"address": "data.aws_iam_policy_document.p", "mode": "data",
                 "type": "aws_iam_policy_document",
                 "provider_name": "registry.terraform.io/hashicorp/aws",
                 "values": {"arn": "arn:aws:iam::123456789012:policy/p"}},
                {"address": "data.google_project.p", "mode": "data", "type": "google_project",
                 "provider_name": "registry.terraform.io/hashicorp/google",
                 "values": {"name": "europe-west1"}}],
            "child_modules": [{"resources": [
                {"address": "module.app[0].data.aws_ami.ubuntu", "mode": "data",
                 "type": "aws_ami", "provider_name": "registry.terraform.io/hashicorp/aws",
                 "values": {"arn": "arn:aws:ec2:us-west-1::image/ami-0b08e71a81ba4200f"}}]}]}}}})");
    const costgate::JsonTree tree(plan);
    const ProviderRegions regions(tree);
    CHECK(regions.region_for("aws_ecr_repository.r", "aws") == "us-west-1");
    CHECK(regions.region_for("module.app.aws_instance.a", "aws") == "us-west-1");
    // An IAM ARN names no region, and a Google data source says nothing of Google's region.
    CHECK(regions.region_for("google_compute_instance.g", "google").empty());
}

TEST_CASE("data sources never override a set region, and disagreeing ones set none",
          "[ingest][regions]") {
    const auto plan = nlohmann::json::parse(R"({
        "configuration": {"provider_config": {
            "aws": {"name": "aws", "expressions": {"region": {"constant_value": "eu-west-1"}}},
            "aws.b": {"name": "aws", "alias": "b"},
            "aws.c": {"name": "aws", "alias": "c"}},
            "root_module": {"resources": [
                {"address": "aws_instance.a", "provider_config_key": "aws"},
                {"address": "aws_instance.b", "provider_config_key": "aws.b"},
                {"address": "aws_instance.c", "provider_config_key": "aws.c"},
                {"address": "data.aws_ami.a", "provider_config_key": "aws"},
                {"address": "data.aws_region.b", "provider_config_key": "aws.b"},
                {"address": "data.aws_ami.c1", "provider_config_key": "aws.c"},
                {"address": "data.aws_ami.c2", "provider_config_key": "aws.c"}]}},
        "prior_state": {"values": {"root_module": {"resources": [
            {"address": "data.aws_ami.a", "mode": "data", "type": "aws_ami",
             "provider_name": "registry.terraform.io/hashicorp/aws",
             "values": {"arn": "arn:aws:ec2:us-east-2::image/ami-1"}},
            {"address": "data.aws_region.b", "mode": "data", "type": "aws_region",
             "provider_name": "registry.terraform.io/hashicorp/aws",
             "values": {"name": "ap-south-1"}},
            {"address": "data.aws_ami.c1", "mode": "data", "type": "aws_ami",
             "provider_name": "registry.terraform.io/hashicorp/aws",
             "values": {"arn": "arn:aws:ec2:us-east-1::image/ami-1"}},
            {"address": "data.aws_ami.c2", "mode": "data", "type": "aws_ami",
             "provider_name": "registry.terraform.io/hashicorp/aws",
             "values": {"arn": "arn:aws:ec2:us-east-2::image/ami-2"}}]}}}})");
    const costgate::JsonTree tree(plan);
    const ProviderRegions regions(tree);
    CHECK(regions.region_for("aws_instance.a", "aws") == "eu-west-1");
    CHECK(regions.region_for("aws_instance.b", "aws") == "ap-south-1");
    CHECK(regions.region_for("aws_instance.c", "aws").empty());
}

TEST_CASE("a nested module's required_providers entry is no configuration: the module "
          "inherits its parent's",
          "[ingest][regions]") {
    // Terraform 0.14+ lists `module.db.module.db_2:aws` when the module requires the provider;
    // before, that entry (without arguments) was taken as the module's own configuration and
    // its resources had no region.
    const auto plan = nlohmann::json::parse(R"({"configuration": {
        "provider_config": {
            "aws": {"name": "aws", "expressions": {"region": {"constant_value": "eu-west-1"}}},
            "module.db.module.db_2:aws": {"name": "aws", "version_constraint": ">= 5.0",
                                          "module_address": "module.db.module.db_2"},
            "module.edge:aws": {"name": "aws", "module_address": "module.edge",
                                "expressions": {"region": {"constant_value": "us-east-1"}}}},
        "root_module": {"module_calls": {
            "db": {"module": {"module_calls": {"db_2": {"module": {"resources": [
                {"address": "aws_db_instance.this",
                 "provider_config_key": "module.db.module.db_2:aws"}]}}}}},
            "edge": {"module": {"resources": [
                {"address": "aws_cloudfront_distribution.this",
                 "provider_config_key": "module.edge:aws"}]}}}}}})");
    const costgate::JsonTree tree(plan);
    const ProviderRegions regions(tree);
    CHECK(regions.region_for("module.db.module.db_2.aws_db_instance.this", "aws") == "eu-west-1");
    // A module's own configuration, with arguments, still wins.
    CHECK(regions.region_for("module.edge.aws_cloudfront_distribution.this", "aws") == "us-east-1");
}
