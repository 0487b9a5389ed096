#!/bin/sh
# /api/v2/oauth/token is a real token path at an in-house identity service;
# only Genesys Cloud hosts are judged by the Genesys path.
curl -sS -X POST https://auth.example.com/api/v2/oauth/token \
  -u "$CLIENT_ID:$CLIENT_SECRET" -d grant_type=client_credentials
# The Genesys token path, and Genesys API paths that merely contain "oauth".
curl -sS -X POST https://login.mypurecloud.com/oauth/token -u "$CLIENT_ID:$CLIENT_SECRET" -d grant_type=client_credentials
curl -sS -H "Authorization: Bearer $TOKEN" https://api.mypurecloud.com/api/v2/oauth/clients
