#!/usr/bin/env bash
# Org-level endpoints work with a client-credentials token.
API=https://api.mypurecloud.com
TOKEN=$(curl -s -X POST https://login.mypurecloud.com/oauth/token \
  -u "$CLIENT_ID:$CLIENT_SECRET" -d grant_type=client_credentials | jq -r .access_token)
auth=(-H "Authorization: Bearer $TOKEN")
curl -s "${auth[@]}" "$API/api/v2/users/$USER_ID"
curl -s "${auth[@]}" "$API/api/v2/organizations/me"
curl -s "${auth[@]}" "$API/api/v2/tokens/me"
