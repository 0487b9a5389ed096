# A JSON POST to an API endpoint, not to the token endpoint.
data "http" "token" {
  url    = "https://login.mypurecloud.de/oauth/token"
  method = "POST"
  request_headers = {
    Authorization = "Basic ${base64encode("${var.client_id}:${var.client_secret}")}"
  }
  request_body = "grant_type=client_credentials"
}

data "http" "aggregates" {
  url    = "https://api.mypurecloud.de/api/v2/analytics/conversations/aggregates/query"
  method = "POST"
  request_headers = {
    Authorization = "Bearer ${jsondecode(data.http.token.response_body).access_token}"
    Content-Type  = "application/json"
  }
  request_body = jsonencode({ interval = "2026-11-01T00:00:00Z/2026-11-02T00:00:00Z" })
}
