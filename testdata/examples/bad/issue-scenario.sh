#!/bin/sh
# The request a user sent, answered by {"error":"invalid_client"}.
curl -X POST "https://api.us.genesys.cloud/oauth/token" \
  -H "Content-Type: application/json" \
  -d "grant_type=client_credentials&client_id=abc123&client_secret=abc+def"
