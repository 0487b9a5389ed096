#!/bin/sh
# -H 'Content-Type:' removes the header curl adds for -d: the form goes out
# untyped and the token endpoint finds no grant_type.
curl -sS https://login.mypurecloud.com/oauth/token \
  -H 'Content-Type:' \
  -u "$CLIENT_ID:$CLIENT_SECRET" \
  -d grant_type=client_credentials
