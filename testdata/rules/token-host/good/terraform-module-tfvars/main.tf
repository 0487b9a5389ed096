# The same module with the login host: silent. And a template whose
# value beside names another provider's host: not Genesys, not judged.
variable "environment" {
  type = string
}

variable "idp_domain" {
  type = string
}

data "http" "token" {
  url    = "https://login.${var.environment}/oauth/token"
  method = "POST"
  request_headers = {
    Content-Type = "application/x-www-form-urlencoded"
  }
  request_body = "grant_type=client_credentials&client_id=${var.client_id}&client_secret=${urlencode(var.client_secret)}"
}

data "http" "idp_token" {
  url    = "https://api.${var.idp_domain}/oauth/token"
  method = "POST"
  request_headers = {
    Content-Type = "application/x-www-form-urlencoded"
  }
  request_body = "grant_type=client_credentials&client_id=${var.client_id}&client_secret=${urlencode(var.client_secret)}"
}
