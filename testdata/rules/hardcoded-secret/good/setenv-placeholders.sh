# Fill in before sourcing.
export GENESYSCLOUD_REGION=<<YOUR AWS REGION>> (e.g. "us-east-1", "us-west-2")
export GENESYSCLOUD_OAUTHCLIENT_ID=<<Genesys OAuth2 Client ID>>
export GENESYSCLOUD_OAUTHCLIENT_SECRET=<<Genesys OAuth2 Client Secret>>
