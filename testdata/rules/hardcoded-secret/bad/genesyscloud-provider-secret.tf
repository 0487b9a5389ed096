provider "genesyscloud" {
  oauthclient_id     = "2f1c0b8e-5d4a-4c3b-9e8f-7a6b5c4d3e2f"
  oauthclient_secret = "Jq8vL2x9TzR4wY7nB3mK5pQsXc1-dF6hGt0eWy9uIo2"
  aws_region         = "eu-west-1"
}
