resource "a" "b" {
  x = "${"${"${y}"}"}"
  h = <<-EOT
  }
  EOT
}
module "m" { source = "./m" }
