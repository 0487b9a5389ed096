#!/bin/sh
TENANT=contoso.onmicrosoft.com
curl -X POST "https://login.microsoftonline.com/${TENANT}/oauth2/v2.0/token" \
  -F "client_id=${CLIENT_ID}" \
  -F "client_secret=${CLIENT_SECRET}" \
  -F "grant_type=client_credentials" \
  -F "scope=https://graph.microsoft.com/.default"
