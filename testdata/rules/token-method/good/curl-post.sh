curl https://login.mypurecloud.com/oauth/token -u "$ID:$SECRET" -d grant_type=client_credentials
curl -X POST https://login.mypurecloud.com/oauth/token -u "$ID:$SECRET" --data-urlencode grant_type=client_credentials
curl -G https://api.mypurecloud.com/api/v2/users -d pageSize=25 -H "Authorization: Bearer $TOKEN"
