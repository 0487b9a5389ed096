#!/bin/bash
# The domain is chosen per region; both values are Genesys Cloud domains.
if [ "$REGION" = eu ]; then env=mypurecloud.ie; else env=mypurecloud.com; fi
TOKEN=$(curl -s -X POST "https://api.${env}/oauth/token" \
  -u "$CLIENT_ID:$CLIENT_SECRET" -d grant_type=client_credentials | jq -r .access_token)
