resource "aws_instance" "fine" {
  instance_type = "t3.micro"
}
