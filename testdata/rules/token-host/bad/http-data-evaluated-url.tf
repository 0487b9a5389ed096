variable "gc_domain" {
  default = "mypurecloud.ie"
}

locals {
  token_url = "https://api.${var.gc_domain}/oauth/token"
}

data "http" "token" {
  url    = local.token_url
  method = "POST"
  request_headers = {
    Authorization = "Basic ${base64encode("${var.client_id}:${var.client_secret}")}"
    Content-Type  = "application/x-www-form-urlencoded"
  }
  request_body = "grant_type=client_credentials"
}
