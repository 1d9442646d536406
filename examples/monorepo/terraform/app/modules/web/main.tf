variable "instances" {
  type = number
}

variable "instance_type" {
  type = string
}

variable "cost_centre" {
  type = string
}

locals {
  tags = {
    "cost-centre" = var.cost_centre
  }
}

resource "aws_instance" "app" {
  count         = var.instances
  instance_type = var.instance_type
  tags          = local.tags
}

resource "aws_lb" "public" {
  load_balancer_type = "application"
  internal           = false
  tags               = local.tags
}
