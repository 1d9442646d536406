# The configuration examples/terraform/plan.json was planned from, for estimating from
# source without a plan (costgate estimate --terraform examples/terraform). The plan's
# values come from here; its before states (aws_ebs_volume.data grows from 100 GB gp2,
# aws_security_group.web exists already) come from state, which source never has.

terraform {
  required_providers {
    aws = {
      source = "hashicorp/aws"
    }
  }
}

variable "region" {
  type    = string
  default = "us-east-1"
}

variable "web_instance_type" {
  type = string
}

provider "aws" {
  region = var.region

  default_tags {
    tags = {
      team = "platform"
    }
  }
}

data "aws_ami" "ubuntu" {
  most_recent = true
  owners      = ["099720109477"]
}

resource "aws_instance" "web" {
  ami           = "ami-0c7217cdde317cfec"
  instance_type = var.web_instance_type

  root_block_device {
    delete_on_termination = true
    encrypted             = true
    volume_size           = 8
    volume_type           = "gp3"
  }

  tags = {
    Name          = "web"
    "cost-centre" = "cc-web"
  }
}

# The batch type is chosen by the image's owners; it is only known once the data
# source is read, so the plan has it as unknown too.
resource "aws_instance" "batch" {
  ami           = "ami-0c7217cdde317cfec"
  instance_type = data.aws_ami.ubuntu.tags["batch-instance-type"]
}

resource "aws_ebs_volume" "data" {
  availability_zone = "us-east-1a"
  size              = 500
  type              = "gp3"
  iops              = 6000
  throughput        = 250

  tags = {
    "cost-centre" = "cc-data"
  }
}

resource "aws_security_group" "web" {
  name = "web"
}
