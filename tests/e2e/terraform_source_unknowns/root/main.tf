provider "aws" {
  region = "us-east-1"
}

variable "db_class" {}

data "aws_ami" "ubuntu" {
  most_recent = true
}

resource "aws_instance" "known" {
  ami           = data.aws_ami.ubuntu.id
  instance_type = "t3.micro"
}

resource "aws_instance" "from_data" {
  instance_type = data.aws_ami.ubuntu.tags["type"]
}

resource "aws_db_instance" "from_variable" {
  instance_class    = var.db_class
  engine            = "postgres"
  allocated_storage = 20
}

resource "aws_instance" "counted" {
  count         = length(aws_instance.known.ipv6_addresses)
  instance_type = "t3.micro"
}

resource "aws_instance" "templated" {
  instance_type = templatefile("type.tpl", {})
}
