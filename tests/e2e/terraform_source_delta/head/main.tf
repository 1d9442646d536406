provider "aws" {
  region = "us-east-1"
}

resource "aws_instance" "web" {
  instance_type = "m5.xlarge"
}

resource "aws_instance" "worker" {
  instance_type = "t3.micro"
}

resource "aws_ebs_volume" "new" {
  availability_zone = "us-east-1a"
  size              = 50
}
