#!/bin/zsh
# login.mypurecloud.eu is not a Genesys Cloud host (EMEA Frankfurt is
# login.mypurecloud.de, Ireland login.mypurecloud.ie).
token=$(curl -s https://login.mypurecloud.eu/oauth/token \
  -u "$GC_CLIENT_ID:$GC_CLIENT_SECRET" -d grant_type=client_credentials | jq -r .access_token)
print -- $token
