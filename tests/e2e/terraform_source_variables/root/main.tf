variable "region" {
  type    = string
  default = "eu-west-1"
}

variable "instance_type" {
  type    = string
  default = "t3.micro"
}

variable "volume" {
  type = object({
    size = number
    type = optional(string, "gp3")
  })
}

variable "replicas" {
  type    = number
  default = 1
}

provider "aws" {
  region = var.region
}

resource "aws_instance" "app" {
  count         = var.replicas
  instance_type = var.instance_type
  tags = {
    "cost-centre" = "cc-app"
  }
}

resource "aws_ebs_volume" "data" {
  availability_zone = "${var.region}a"
  size              = var.volume.size
  type              = var.volume.type
}
