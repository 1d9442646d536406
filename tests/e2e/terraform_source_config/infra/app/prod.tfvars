size = "c5.large"
