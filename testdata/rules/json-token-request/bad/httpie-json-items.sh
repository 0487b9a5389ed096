#!/bin/sh
# HTTPie sends name=value items as a JSON object unless told --form.
http POST https://login.mypurecloud.com/oauth/token \
  grant_type=client_credentials client_id="$CLIENT_ID" client_secret="$CLIENT_SECRET"
