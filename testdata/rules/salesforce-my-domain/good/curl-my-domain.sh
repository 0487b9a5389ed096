curl -X POST https://acme.my.salesforce.com/services/oauth2/token \
  -d grant_type=client_credentials --data-urlencode client_id="$SF_ID" --data-urlencode client_secret="$SF_SECRET"
# The SOAP login at login.salesforce.com is no OAuth token request
curl -X POST https://login.salesforce.com/services/Soap/u/59.0 -H "Content-Type: text/xml" -H "SOAPAction: login" -d @login.xml
