curl --request POST --url https://dev-acme.us.auth0.com/oauth/token \
  --header 'content-type: application/json' \
  --data "{\"client_id\":\"$ID\",\"client_secret\":\"$SECRET\",\"audience\":\"https://api.acme.example/\",\"grant_type\":\"client_credentials\"}"
