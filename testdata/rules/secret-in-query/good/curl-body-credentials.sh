curl -X POST https://login.mypurecloud.com/oauth/token \
  -d grant_type=client_credentials --data-urlencode client_id="$ID" --data-urlencode client_secret="$SECRET"
curl -G https://api.mypurecloud.com/api/v2/users -d pageSize=25 -H "Authorization: Bearer $TOKEN"
