#!/usr/bin/env bash
# The token comes from login.<domain>; api.<domain> serves the API calls.
ENVIRONMENT=mypurecloud.com
TOKEN=$(curl -s "https://login.$ENVIRONMENT/oauth/token" \
  -u "$CLIENT_ID:$CLIENT_SECRET" -d grant_type=client_credentials | jq -r .access_token)
curl -s -H "Authorization: Bearer $TOKEN" "https://api.$ENVIRONMENT/api/v2/routing/queues"
curl -s -H "Authorization: Bearer $TOKEN" https://api.mypurecloud.com/api/v2/organizations/me
