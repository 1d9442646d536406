# The configuration plan.json was planned from: a second NAT gateway, for zone b.

provider "aws" {
  region = "us-east-1"
}

locals {
  tags = {
    "cost-centre" = "cc-platform"
  }
}

resource "aws_nat_gateway" "az_a" {
  connectivity_type = "public"
  tags              = local.tags
}

resource "aws_nat_gateway" "az_b" {
  connectivity_type = "public"
  tags              = local.tags
}

resource "aws_eip" "nat_b" {
  domain = "vpc"
  tags   = local.tags
}
