#!/bin/sh
# Templates the file gives no Genesys reading of: not judged.
curl -X POST "https://api.${VENDOR_HOST}/oauth/token" -u "$ID:$SECRET" -d grant_type=client_credentials
curl -X POST "https://login.${OKTA_DOMAIN}/oauth2/default/v1/token" -u "$ID:$SECRET" -d grant_type=client_credentials -d scope=custom
# A Genesys request beside them says nothing of the templates.
curl -X POST https://login.mypurecloud.com/oauth/token -u "$GC_ID:$GC_SECRET" -d grant_type=client_credentials
