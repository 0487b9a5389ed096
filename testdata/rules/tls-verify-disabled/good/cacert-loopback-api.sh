#!/bin/sh
curl -sS --cacert /etc/ssl/corp-proxy-ca.pem -X POST "https://login.mypurecloud.com/oauth/token" \
  -u "${GENESYS_CLOUD_CLIENT_ID}:${GENESYS_CLOUD_CLIENT_SECRET}" \
  -d grant_type=client_credentials
# A local test server with a self-signed certificate
curl -k -X POST https://localhost:8443/oauth/token -u "$ID:$SECRET" -d grant_type=client_credentials
# -k on an API call is another matter
curl -k https://status.example.com/api/v2/summary.json
