#!/bin/sh
# A secret inserted raw: fine until the secret contains "+", "&" or "%".
curl -sS https://login.mypurecloud.com/oauth/token \
  -d grant_type=client_credentials \
  -d "client_id=${CLIENT_ID}" \
  -d "client_secret=${CLIENT_SECRET}"
