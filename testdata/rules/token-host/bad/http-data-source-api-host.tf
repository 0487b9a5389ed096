# Fetches a Genesys Cloud token for a downstream provider.
data "http" "genesys_token" {
  url    = "https://api.mypurecloud.com/oauth/token"
  method = "POST"

  request_headers = {
    Authorization = "Basic ${base64encode("${var.client_id}:${var.client_secret}")}"
    Content-Type  = "application/x-www-form-urlencoded"
  }

  request_body = "grant_type=client_credentials"
}

variable "client_id" {
  type = string
}

variable "client_secret" {
  type      = string
  sensitive = true
}
