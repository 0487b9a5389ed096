#!/bin/bash
TOKEN=$(curl -s -X POST https://login.mypurecloud.com/oauth/token -u "$ID:$SECRET" -d grant_type=client_credentials | jq -r .access_token)
curl -s -H "Authorization: Bearer $TOKEN" https://api.mypurecloud.de/api/v2/routing/queues
