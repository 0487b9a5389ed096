curl --request POST --url https://dev-acme.us.auth0.com/oauth/token \
  --header 'content-type: application/x-www-form-urlencoded' \
  --data grant_type=client_credentials --data client_id="$ID" --data-urlencode client_secret="$SECRET"
