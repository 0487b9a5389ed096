curl -X POST https://login.mypurecloud.com/oauth/token -u "$CLIENT_ID:$CLIENT_SECRET" -d grant_type=client_credentials
curl -X POST https://login.mypurecloud.com/oauth/token -u "your-client-id:your-client-secret" -d grant_type=client_credentials
curl -X POST https://login.mypurecloud.com/oauth/token -u "<client id>:<client secret>" -d grant_type=client_credentials
