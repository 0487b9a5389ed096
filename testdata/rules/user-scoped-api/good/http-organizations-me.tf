data "http" "token" {
  url    = "https://login.mypurecloud.com/oauth/token"
  method = "POST"
  request_headers = {
    Authorization = "Basic ${base64encode("${var.client_id}:${var.client_secret}")}"
    Content-Type  = "application/x-www-form-urlencoded"
  }
  request_body = "grant_type=client_credentials"
}

data "http" "org" {
  url = "https://api.mypurecloud.com/api/v2/organizations/me"
  request_headers = {
    Authorization = "Bearer ${jsondecode(data.http.token.response_body).access_token}"
  }
}
