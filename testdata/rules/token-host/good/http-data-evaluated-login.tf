variable "environment" {
  default = "mypurecloud.de"
}

data "http" "token" {
  url    = var.environment != "" ? format("https://login.%s/oauth/token", var.environment) : "https://login.mypurecloud.com/oauth/token"
  method = "POST"
  request_headers = {
    Content-Type = "application/x-www-form-urlencoded"
  }
  request_body = join("&", ["grant_type=client_credentials", "client_id=${urlencode(var.client_id)}", "client_secret=${urlencode(var.client_secret)}"])
}
