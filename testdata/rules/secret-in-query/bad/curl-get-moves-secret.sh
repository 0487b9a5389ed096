curl -G https://login.mypurecloud.com/oauth/token -d grant_type=client_credentials -d client_id="$ID" -d client_secret="$SECRET"
