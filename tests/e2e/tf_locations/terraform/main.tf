# Findings point at these blocks: the plan's folder holds .tf files.
resource "aws_instance" "web" {
  ami           = "ami-0c55b159cbfafe1f0"
  instance_type = "t3.micro"
  user_data     = <<-EOT
    #!/bin/sh
    echo "resource \"aws_instance\" \"web\" {"
  EOT
}

module "sandbox" {
  for_each = toset(["a.b"])
  source   = "./modules/sandbox"
}

# A registry module: its resources point at the plan.
module "vpc" {
  source  = "terraform-aws-modules/vpc/aws"
  version = "5.8.1"
}
