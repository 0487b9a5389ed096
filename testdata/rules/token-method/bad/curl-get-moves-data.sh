curl -G https://login.mypurecloud.com/oauth/token -u "$ID:$SECRET" -d grant_type=client_credentials
