curl -X POST https://login.mypurecloud.com/oauth/token -u "$ID:$SECRET" -d grant_type=client_credential
curl -X POST https://login.mypurecloud.com/oauth/token -u "$ID:$SECRET"
