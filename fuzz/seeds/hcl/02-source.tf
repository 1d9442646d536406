variable "sizes" {
  type = map(object({ type = string, disks = optional(list(number), []) }))
  default = {
    web = { type = "m5.large", disks = [20, 50] }
  }
}

locals {
  names  = [for k, v in var.sizes : upper(k) if length(v.disks) > 0]
  script = <<-EOT
    #!/bin/sh
    %{~ for name in local.names ~}
    echo "${name}" ${"$"}{HOME}
    %{~ endfor ~}
  EOT
}

resource "aws_instance" "web" {
  for_each      = var.sizes
  instance_type = each.value.type
  user_data     = local.script
  dynamic "ebs_block_device" {
    for_each = each.value.disks
    iterator = disk
    content {
      volume_size = disk.value
      device_name = "/dev/sd${substr("fghij", disk.key, 1)}"
    }
  }
  tags = { for k, v in { a = 1, b = 2 } : k => v... }
}
