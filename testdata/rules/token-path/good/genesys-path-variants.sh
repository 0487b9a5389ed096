#!/bin/sh
# Token requests at /oauth/token, built several ways; an Okta custom
# authorization server's own token path.
LOGIN=https://login.mypurecloud.de
curl -s "$LOGIN/oauth/token" -u "$CLIENT_ID:$CLIENT_SECRET" -d grant_type=client_credentials
curl -s "${LOGIN}"'/oauth/token' -u "$CLIENT_ID:$CLIENT_SECRET" -d grant_type=client_credentials
curl -s --url "https://login.${GENESYS_CLOUD_REGION_DOMAIN:-mypurecloud.com}/oauth/token" -u "$CLIENT_ID:$CLIENT_SECRET" -d grant_type=client_credentials
curl -s https://dev-123456.okta.com/oauth2/default/v1/token -u "$OKTA_CLIENT_ID:$OKTA_CLIENT_SECRET" -d grant_type=client_credentials -d scope=custom_scope
