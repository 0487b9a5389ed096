#!/bin/sh
# -F sends multipart/form-data; the token endpoint reads only a urlencoded form.
curl -X POST https://login.mypurecloud.com/oauth/token \
  -F "grant_type=client_credentials" \
  -F "client_id=$GENESYS_CLOUD_CLIENT_ID" \
  -F "client_secret=$GENESYS_CLOUD_CLIENT_SECRET"
