#!/bin/bash
# A JSON body from a quoted here-document.
curl -s https://login.mypurecloud.com/oauth/token \
  -H 'Content-Type: application/json' \
  --data-binary @- <<'JSON'
{
  "grant_type": "client_credentials",
  "client_id": "${CLIENT_ID}"
}
JSON
