#!/bin/bash
ENV=mypurecloud.de
TOKEN=$(curl -s -X POST "https://login.$ENV/oauth/token" -u "$ID:$SECRET" -d grant_type=client_credentials | jq -r .access_token)
curl -s -H "Authorization: Bearer $TOKEN" "https://api.$ENV/api/v2/routing/queues"
