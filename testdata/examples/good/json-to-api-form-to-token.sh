#!/usr/bin/env bash
# JSON goes to the API; the token request is a form.
TOKEN=$(curl -s -X POST https://login.mypurecloud.com/oauth/token \
  -u "$CLIENT_ID:$CLIENT_SECRET" \
  -H 'Content-Type: application/x-www-form-urlencoded' \
  -d grant_type=client_credentials | jq -r .access_token)
curl -s -X POST https://api.mypurecloud.com/api/v2/groups \
  -H "Authorization: Bearer $TOKEN" \
  -H 'Content-Type: application/json' \
  -d '{"name": "Support", "type": "official", "visibility": "public"}'
curl -s https://api.mypurecloud.com/api/v2/analytics/conversations/details/query \
  -H "Authorization: Bearer $TOKEN" --json @query.json
