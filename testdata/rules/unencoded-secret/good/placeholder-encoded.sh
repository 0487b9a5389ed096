#!/bin/sh
# Replace YOUR_CLIENT_ID and YOUR_CLIENT_SECRET with the values of your OAuth client.
curl -X POST https://login.mypurecloud.com/oauth/token \
  -u "YOUR_CLIENT_ID:YOUR_CLIENT_SECRET" \
  -d grant_type=client_credentials
curl -X POST https://login.mypurecloud.com/oauth/token \
  -d grant_type=client_credentials \
  --data-urlencode "client_id=<client id>" --data-urlencode "client_secret=<client secret>"
