provider "genesyscloud" {
  oauthclient_id     = var.client_id
  oauthclient_secret = var.client_secret
  aws_region         = "ap-southeast-2"
}

data "http" "queues" {
  url = "https://api.mypurecloud.com.au/api/v2/routing/queues"
  request_headers = {
    Authorization = "Bearer ${var.token}"
  }
}
