# The configuration plan.json was planned from.

provider "aws" {
  region = "us-east-1"
}

module "web" {
  source        = "./modules/web"
  instances     = 2
  instance_type = "m5.large"
  cost_centre   = "cc-web"
}
