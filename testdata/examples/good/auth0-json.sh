#!/bin/sh
# Auth0's token endpoint accepts JSON (its dashboard samples send it).
curl --request POST \
  --url https://dev-abc123.us.auth0.com/oauth/token \
  --header 'content-type: application/json' \
  --data "{\"client_id\":\"$AUTH0_CLIENT_ID\",\"client_secret\":\"$AUTH0_CLIENT_SECRET\",\"audience\":\"https://api.example.com\",\"grant_type\":\"client_credentials\"}"
