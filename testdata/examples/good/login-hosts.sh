#!/bin/sh
# Token requests to the login host of several regions, credentials as Basic auth.
for host in login.mypurecloud.com login.usw2.pure.cloud login.mypurecloud.ie \
  login.mypurecloud.de login.apne2.pure.cloud login.use2.us-gov-pure.cloud; do
  curl -sS -X POST "https://$host/oauth/token" -u "$CLIENT_ID:$CLIENT_SECRET" -d grant_type=client_credentials
done
curl -sS -X POST https://login.mypurecloud.com/oauth/token -u "$CLIENT_ID:$CLIENT_SECRET" -d grant_type=client_credentials
curl -sS -X POST https://login.euw2.pure.cloud/oauth/token -u "$CLIENT_ID:$CLIENT_SECRET" -d grant_type=client_credentials
curl -sS -X POST "https://login.${GENESYS_CLOUD_ENVIRONMENT}/oauth/token" -u "$CLIENT_ID:$CLIENT_SECRET" -d grant_type=client_credentials
