curl -X POST https://login.mypurecloud.com/oauth/token -u "$ID:$SECRET" -d @body.txt
curl -X POST https://login.mypurecloud.com/oauth/token -u "$ID:$SECRET" -d "$BODY"
