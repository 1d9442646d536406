provider "aws" {
  region = "us-east-1"
}

resource "aws_instance" "web" {
  instance_type = "m5.large"
}

resource "aws_instance" "worker" {
  instance_type = "t3.micro"
}

resource "aws_nat_gateway" "old" {
  connectivity_type = "public"
}
