#!/bin/bash
# A snippet pasted from a support answer: <CLIENT_ID> reads as redirections
# and the stray ")" ends nothing, yet the request below is what runs.
CLIENT_ID=<CLIENT_ID>
CLIENT_SECRET=<:(>
echo "getting a token" )
curl -s -X POST https://api.mypurecloud.com/oauth/token \
  -u <CLIENT_ID>:<CLIENT_SECRET> \
  -d grant_type=client_credentials
