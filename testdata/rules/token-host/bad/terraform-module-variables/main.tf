data "http" "token" {
  url          = "https://api.${var.environment}/oauth/token"
  method       = "POST"
  request_body = "grant_type=client_credentials&client_id=${var.client_id}&client_secret=${urlencode(var.client_secret)}"
  request_headers = {
    Content-Type = "application/x-www-form-urlencoded"
  }
}
