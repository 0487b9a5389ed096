# docs/index.md of the provider: placeholders
provider "genesyscloud" {
  oauthclient_id     = "client-id"
  oauthclient_secret = "client-secret"
  aws_region         = "us-east-1"
}

provider "genesyscloud" {
  alias              = "prod"
  oauthclient_id     = var.client_id
  oauthclient_secret = var.client_secret
  aws_region         = "us-east-1"
}
