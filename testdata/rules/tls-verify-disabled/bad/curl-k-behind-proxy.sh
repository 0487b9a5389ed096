#!/bin/sh
# Behind the office proxy the certificate did not verify, so -k went in
curl -sS -k -X POST "https://login.mypurecloud.com/oauth/token" \
  -u "${GENESYS_CLOUD_CLIENT_ID}:${GENESYS_CLOUD_CLIENT_SECRET}" \
  -d grant_type=client_credentials
