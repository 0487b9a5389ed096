data "http" "token" {
  url      = "https://login.mypurecloud.com/oauth/token"
  method   = "POST"
  insecure = true
  request_headers = {
    Content-Type  = "application/x-www-form-urlencoded"
    Authorization = "Basic ${base64encode("${var.client_id}:${var.client_secret}")}"
  }
  request_body = "grant_type=client_credentials"
}
