data "http" "token" {
  url    = "https://login.mypurecloud.com.au/oauth/token"
  method = "POST"

  request_headers = {
    Content-Type = "application/x-www-form-urlencoded"
  }

  # Terraform sends the string as written: the secret is not encoded.
  request_body = "grant_type=client_credentials&client_id=${var.client_id}&client_secret=${var.client_secret}"
}
