instance_type = "m5.large"
volume = {
  size = 100
}
