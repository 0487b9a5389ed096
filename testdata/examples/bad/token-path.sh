#!/bin/sh
# The Genesys Cloud token endpoint is /oauth/token, not under /api/v2.
curl -sS -X POST https://login.mypurecloud.com/api/v2/oauth/token \
  -H "Content-Type: application/x-www-form-urlencoded" \
  -u "$GENESYS_CLOUD_CLIENT_ID:$GENESYS_CLOUD_CLIENT_SECRET" \
  -d grant_type=client_credentials
