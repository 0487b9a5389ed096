#!/bin/sh
curl -X POST "https://login.${GENESYS_CLOUD_ENVIRONMENT}/api/v2/oauth/token" \
  -u "$GENESYS_CLOUD_CLIENT_ID:$GENESYS_CLOUD_CLIENT_SECRET" \
  -d grant_type=client_credentials
