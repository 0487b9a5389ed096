#!/bin/sh
curl -X POST "https://api.mypurecloud.com/oauth/token" -H "Content-Type: application/json" -d "grant_type=client_credentials&client_id=abc123&client_secret=CANARY+s3cret"
curl -u "my-client:CANARYpw2" -d "grant_type=client_credentials&client_secret=CANARY+x" https://login.mypurecloud.com/api/v2/oauth/token
curl "https://api.mypurecloud.com/oauth/token?grant_type=client_credentials&client_secret=CANARYq" -H "Authorization: Basic CANARYbasic64="
