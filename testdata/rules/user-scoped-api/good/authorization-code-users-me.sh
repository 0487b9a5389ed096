#!/usr/bin/env bash
# A user grant (authorization code): /users/me has a user to answer for.
TOKEN=$(curl -s https://login.mypurecloud.com/oauth/token \
  -u "$CLIENT_ID:$CLIENT_SECRET" \
  -d grant_type=authorization_code \
  --data-urlencode "code=$AUTH_CODE" \
  --data-urlencode "redirect_uri=$REDIRECT_URI" | jq -r .access_token)
curl -s -H "Authorization: Bearer $TOKEN" https://api.mypurecloud.com/api/v2/users/me
