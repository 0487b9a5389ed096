#!/bin/sh
# A form body under a JSON content type: the header is the mistake.
curl -X POST https://login.mypurecloud.ie/oauth/token \
  -H 'Content-Type: application/json' \
  -u "$CLIENT_ID:$CLIENT_SECRET" \
  -d 'grant_type=client_credentials'
