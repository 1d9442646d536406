web_instance_type = "m5.large"
