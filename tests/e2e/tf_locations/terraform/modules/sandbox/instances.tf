variable "size" {
  default = "t3.micro"
}

resource "aws_instance" "tmp" {
  count         = 1
  instance_type = var.size
}
