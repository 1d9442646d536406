provider "aws" {
  region = "us-east-1"
}

# cache_cluster_size is a string attribute; Terraform converts the number 0.5 to "0.5".
resource "aws_api_gateway_stage" "cached" {
  rest_api_id           = "api"
  stage_name            = "prod"
  deployment_id         = "deployment"
  cache_cluster_enabled = true
  cache_cluster_size    = 0.5
}
