data "http" "token" {
  url    = "https://login.mypurecloud.de/oauth/token"
  method = "POST"

  request_headers = {
    Content-Type = "application/json"
  }

  request_body = jsonencode({
    grant_type    = "client_credentials"
    client_id     = var.client_id
    client_secret = var.client_secret
  })
}
