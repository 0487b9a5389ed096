data "http" "token" {
  url    = "https://login.mypurecloud.com/oauth/token"
  method = "POST"
  ca_cert_pem = file("${path.module}/corp-proxy-ca.pem")
  request_headers = {
    Content-Type  = "application/x-www-form-urlencoded"
    Authorization = "Basic ${base64encode("${var.client_id}:${var.client_secret}")}"
  }
  request_body = "grant_type=client_credentials"
}

data "http" "status" {
  url      = "https://status.example.com/api/v2/summary.json"
  insecure = true
}
