# The configuration plan.json was planned from (the database after its storage grows
# from 20 to 100 GB).

provider "aws" {
  region = "us-east-1"
}

resource "aws_db_instance" "orders" {
  instance_class    = "db.t3.micro"
  engine            = "postgres"
  allocated_storage = 100
  storage_type      = "gp2"
  multi_az          = false
  tags = {
    "cost-centre" = "cc-data"
  }
}

resource "aws_s3_bucket" "exports" {
  bucket = "orders-exports"
  tags   = {}
}
