variable "client_secret" {
  sensitive = true
}

data "http" "token" {
  url    = format("https://login.%s/oauth/token", lower(var.gc_domain))
  method = "POST"
  request_headers = {
    Content-Type = "application/x-www-form-urlencoded"
  }
  # The secret is joined in raw: a "+" in it arrives as a space.
  request_body = join("&", [
    "grant_type=client_credentials",
    "client_id=${var.client_id}",
    "client_secret=${var.client_secret}",
  ])
}
