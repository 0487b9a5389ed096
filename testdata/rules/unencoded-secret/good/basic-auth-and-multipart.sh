#!/bin/sh
# Basic auth (-u) is not a form body; multipart fields (-F) are not
# percent-decoded by the server.
curl -sS https://login.mypurecloud.com/oauth/token -u "$CLIENT_ID:$CLIENT_SECRET" -d grant_type=client_credentials
curl -sS https://auth.example.com/oauth/token -F grant_type=client_credentials -F "client_secret=$CLIENT_SECRET"
# Not credentials: a "+" in the scope of an API call.
curl -sS -H "Authorization: Bearer $TOKEN" https://api.mypurecloud.com/api/v2/users -G -d "q=a+b"
