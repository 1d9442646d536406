resource "aws_instance" "x" {
  instance_type = var.nope
}
