locals {
  genesys_token_url = "https://login.use2.us-gov-pure.cloud/api/v2/oauth/token"
}

data "http" "token" {
  url    = local.genesys_token_url
  method = "POST"
  request_headers = {
    Authorization = "Basic ${base64encode("${var.client_id}:${var.client_secret}")}"
  }
  request_body = "grant_type=client_credentials"
}
