#!/bin/sh
# curl --json sends Content-Type: application/json.
curl --json "{\"grant_type\":\"client_credentials\",\"client_id\":\"$CLIENT_ID\",\"client_secret\":\"$CLIENT_SECRET\"}" \
  https://login.mypurecloud.com/oauth/token
