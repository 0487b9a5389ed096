#!/bin/sh
# No scheme: curl defaults to http://.
curl -X POST login.mypurecloud.com/oauth/token \
  -u "$CLIENT_ID:$CLIENT_SECRET" -d grant_type=client_credentials
