#!/bin/sh
# Commented-out code with no secret in it, and prose, stay silent; only
# hardcoded-secret judges comments, so the api host below is not reported.
# curl -X POST https://api.mypurecloud.com/oauth/token -u "$ID:$SECRET" -d grant_type=client_credentials
# CLIENT_SECRET=your_client_secret
# CLIENT_SECRET=${VAULT_SECRET}
# Set CLIENT_SECRET=... before running; curl needs it.
curl -X POST https://login.mypurecloud.com/oauth/token -u "$ID:$SECRET" -d grant_type=client_credentials
