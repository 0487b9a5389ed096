# The token request of a module whose region domain is set in terraform.tfvars.
variable "environment" {
  type        = string
  description = "Genesys Cloud region domain"
}

data "http" "token" {
  url    = "https://api.${var.environment}/oauth/token"
  method = "POST"
  request_headers = {
    Content-Type  = "application/x-www-form-urlencoded"
    Authorization = "Basic ${base64encode("${var.client_id}:${var.client_secret}")}"
  }
  request_body = "grant_type=client_credentials"
}
