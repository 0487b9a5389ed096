#!/bin/sh
# An endpoint the catalog does not know: a missing grant_type is a warning.
curl -X POST https://auth.example.org/oauth2/token \
  -d "client_id=$CLIENT_ID" --data-urlencode "client_secret=$CLIENT_SECRET"
