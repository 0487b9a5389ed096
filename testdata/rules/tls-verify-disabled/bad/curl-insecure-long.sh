curl --insecure -X POST https://login.mypurecloud.ie/oauth/token -u "$ID:$SECRET" -d grant_type=client_credentials
