provider "aws" {
  region = "us-east-1"
}

locals {
  environments = ["dev", "prod"]
  sizes = {
    dev  = "t3.small"
    prod = "m5.large"
  }
  disks = { for name in local.environments : name => name == "prod" ? 200 : 20 }
  tags  = merge({ "cost-centre" = "cc-shop" }, { team = "shop" })
}

resource "aws_instance" "web" {
  for_each      = local.sizes
  instance_type = each.value
  tags          = merge(local.tags, { Name = "web-${each.key}" })
}

resource "aws_ebs_volume" "disk" {
  count             = length(local.environments)
  availability_zone = "us-east-1a"
  size              = local.disks[element(local.environments, count.index)]
  type              = count.index == 0 ? "gp2" : "gp3"
  tags              = local.tags
}

resource "aws_security_group" "web" {
  name = "web"

  dynamic "ingress" {
    for_each = toset(["80", "443"])
    content {
      from_port = tonumber(ingress.value)
      to_port   = tonumber(ingress.value)
      protocol  = "tcp"
    }
  }
}
