provider "aws" {
  region = "us-east-1"
}

module "web" {
  source    = "./modules/web"
  for_each  = { blue = 1, green = 2 }
  name      = each.key
  instances = each.value
}

module "vpc" {
  source  = "terraform-aws-modules/vpc/aws"
  version = "5.8.1"
}

resource "aws_ebs_volume" "logs" {
  availability_zone = "us-east-1a"
  size              = sum([for name, web in module.web : web.disk_gb])
  tags = {
    vpc = module.vpc.vpc_id
  }
}
