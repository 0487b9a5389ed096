#!/usr/bin/env bash
# A client-credentials token has no user: /users/me answers
# "This request requires a user context".
set -e
API=https://api.mypurecloud.com
TOKEN=$(curl -s -X POST https://login.mypurecloud.com/oauth/token \
  -u "$CLIENT_ID:$CLIENT_SECRET" -d grant_type=client_credentials | jq -r .access_token)

curl -s -H "Authorization: Bearer $TOKEN" "$API/api/v2/users/me?expand=presence"
