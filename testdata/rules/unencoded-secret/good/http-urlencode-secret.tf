data "http" "token" {
  url    = "https://login.mypurecloud.com.au/oauth/token"
  method = "POST"

  request_headers = {
    Content-Type = "application/x-www-form-urlencoded"
  }

  request_body = "grant_type=client_credentials&client_id=${urlencode(var.client_id)}&client_secret=${urlencode(var.client_secret)}"
}
