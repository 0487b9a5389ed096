#!/bin/sh
# curl -d and --data-urlencode send Content-Type: application/x-www-form-urlencoded
# themselves; an explicit header is not needed.
curl -sS https://login.mypurecloud.com/oauth/token -u "$CLIENT_ID:$CLIENT_SECRET" -d grant_type=client_credentials
curl -sS https://login.mypurecloud.com/oauth/token --data-urlencode grant_type=client_credentials \
  --data-urlencode "client_id=$CLIENT_ID" --data-urlencode "client_secret=$CLIENT_SECRET"
# Removed, then set again.
curl -sS https://login.mypurecloud.com/oauth/token -H 'Content-Type:' \
  -H 'Content-Type: application/x-www-form-urlencoded' -u "$CLIENT_ID:$CLIENT_SECRET" -d grant_type=client_credentials
