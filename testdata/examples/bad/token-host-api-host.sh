#!/bin/sh
# The API host does not issue tokens: the token endpoint is on login.<domain>.
curl -sS -X POST "https://api.mypurecloud.com/oauth/token" \
  -u "${GENESYS_CLOUD_CLIENT_ID}:${GENESYS_CLOUD_CLIENT_SECRET}" \
  -d grant_type=client_credentials
