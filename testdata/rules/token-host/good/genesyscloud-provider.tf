terraform {
  required_providers {
    genesyscloud = {
      source  = "mypurecloud/genesyscloud"
      version = "~> 1.84"
    }
  }
}

provider "genesyscloud" {
  oauthclient_id     = var.genesys_client_id
  oauthclient_secret = var.genesys_client_secret
  aws_region         = "eu-west-1"
}

# A routing email domain under the regional domain is not an API host.
resource "genesyscloud_routing_email_domain" "support" {
  domain_id = "example-support"
  subdomain = true
}

data "http" "token" {
  url    = "https://login.mypurecloud.ie/oauth/token"
  method = "POST"
  request_headers = {
    Authorization = "Basic ${base64encode("${var.genesys_client_id}:${var.genesys_client_secret}")}"
    Content-Type  = "application/x-www-form-urlencoded"
  }
  request_body = "grant_type=client_credentials"
}

variable "genesys_client_id" {
  type = string
}

variable "genesys_client_secret" {
  type      = string
  sensitive = true
}
