#!/bin/sh
# A JSON document in -d: curl labels it a form, the server finds no grant_type.
curl -s https://login.mypurecloud.de/oauth/token \
  -H "Accept: application/json" \
  -d '{"grant_type": "client_credentials"}' \
  -u "$CLIENT_ID:$CLIENT_SECRET"
