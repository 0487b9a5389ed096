#!/bin/sh
# --form: HTTPie sends (and encodes) a urlencoded form.
http --form -a "$CLIENT_ID:$CLIENT_SECRET" POST https://login.mypurecloud.com/oauth/token grant_type=client_credentials
# JSON to the API is what it takes.
http POST https://api.mypurecloud.com/api/v2/analytics/conversations/details/query "Authorization:Bearer $TOKEN" interval=2024-01-01/2024-01-02
