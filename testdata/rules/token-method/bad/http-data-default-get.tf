data "http" "token" {
  url = "https://login.mypurecloud.com/oauth/token?grant_type=client_credentials"
  request_headers = {
    Authorization = "Basic ${base64encode("${var.client_id}:${var.client_secret}")}"
  }
}
