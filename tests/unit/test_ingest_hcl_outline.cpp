#include "ingest/hcl_outline.hpp"

#include <catch2/catch.hpp>
#include <string>

using namespace costgate;
using namespace costgate::ingest;

using costgate::ingest::outline_hcl;

TEST_CASE("top-level blocks are outlined with their labels and header lines") {
    const std::string text = R"(terraform {
  required_providers {
    aws = { source = "hashicorp/aws" }
  }
}

resource "aws_instance" "web" {
  ami           = "ami-123"
  instance_type = "t3.micro"
  tags = {
    Name = "web"
  }
}

module "app" {
  source  = "./modules/app"
  version = "1.0" # a comment
}

data "aws_ami" "ubuntu" {}
)";
    const auto blocks = outline_hcl(text);
    REQUIRE(blocks.size() == 4);
    CHECK(blocks[0].type == "terraform");
    CHECK(blocks[0].line == 1);
    CHECK(blocks[1].type == "resource");
    CHECK(blocks[1].labels == std::vector<std::string>{"aws_instance", "web"});
    CHECK(blocks[1].line == 7);
    CHECK(blocks[1].strings.at("instance_type") == "t3.micro");
    CHECK_FALSE(blocks[1].strings.contains("Name")); // nested in a map, not the block's own
    CHECK(blocks[2].type == "module");
    CHECK(blocks[2].line == 15);
    CHECK(blocks[2].strings.at("source") == "./modules/app");
    CHECK(blocks[2].strings.at("version") == "1.0");
    CHECK(blocks[3].labels == std::vector<std::string>{"aws_ami", "ubuntu"});
    CHECK(blocks[3].line == 20);
}

TEST_CASE("braces and quotes in strings, templates, comments and heredocs are not structure") {
    const std::string text = R"(resource "aws_instance" "a" {
  user_data = <<-EOT
    #!/bin/sh
    echo "}" {{ not a block }}
  EOT
  name = "${lookup(var.names, "a}")}-x" # "}" in a comment
  /* resource "aws_instance" "fake" {
  } */
  // }
}
# resource "aws_instance" "commented" {
resource "aws_instance" "b" {
  count = var.on ? 1 : 0
}
)";
    const auto blocks = outline_hcl(text);
    REQUIRE(blocks.size() == 2);
    CHECK(blocks[0].labels[1] == "a");
    CHECK_FALSE(blocks[0].strings.contains("name")); // a template, not a plain string
    CHECK(blocks[1].labels[1] == "b");
    CHECK(blocks[1].line == 12);
}

TEST_CASE("multi-line expressions and nested blocks stay inside their block") {
    const std::string text = R"(resource "aws_security_group" "web" {
  dynamic "ingress" {
    for_each = {
      http  = 80
      https = 443
    }
    content {
      from_port = ingress.value
    }
  }
  source = "not/a/module"
}
module "net" { source = "../net" }
)";
    const auto blocks = outline_hcl(text);
    REQUIRE(blocks.size() == 2);
    CHECK(blocks[0].strings.at("source") == "not/a/module");
    CHECK(blocks[1].type == "module");
    CHECK(blocks[1].line == 13);
    CHECK(blocks[1].strings.at("source") == "../net");
}

TEST_CASE("text that is not HCL gives what could be recognised, never an error") {
    CHECK(outline_hcl("").empty());
    CHECK(outline_hcl("}}}\n\"unterminated\n<<EOF\n").empty());
    const auto blocks = outline_hcl("resource \"x\" \"y\" {\n  a = \"b\n");
    REQUIRE(blocks.size() == 1);
    CHECK(blocks[0].labels == std::vector<std::string>{"x", "y"});
}
