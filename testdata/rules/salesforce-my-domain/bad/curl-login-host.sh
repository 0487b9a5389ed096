curl -X POST https://login.salesforce.com/services/oauth2/token \
  -d grant_type=client_credentials --data-urlencode client_id="$SF_ID" --data-urlencode client_secret="$SF_SECRET"
