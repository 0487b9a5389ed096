curl -X POST https://login.mypurecloud.com/oauth/token -u "$ID:$SECRET" -d grant_type=client_credentials
curl -X POST https://idp.example.com/oauth2/token -u "$ID:$SECRET" -d grant_type=refresh_token --data-urlencode refresh_token="$RT"
curl -X POST https://idp.example.com/oauth2/token --data-urlencode grant_type=urn:ietf:params:oauth:grant-type:jwt-bearer --data-urlencode assertion="$JWT"
