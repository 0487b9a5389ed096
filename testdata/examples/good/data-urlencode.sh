#!/bin/sh
# --data-urlencode encodes the value: "+" arrives as "+".
curl -sS https://login.mypurecloud.com/oauth/token \
  -d grant_type=client_credentials \
  --data-urlencode "client_id=$CLIENT_ID" \
  --data-urlencode "client_secret=$CLIENT_SECRET"
