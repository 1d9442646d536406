variable "name" {
  type = string
}

variable "instances" {
  type = number
}

resource "aws_instance" "server" {
  count         = var.instances
  instance_type = "m5.large"
  tags = {
    Name = "${var.name}-${count.index}"
  }
}

output "disk_gb" {
  value = var.instances * 50
}
