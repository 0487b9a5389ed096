#!/bin/sh
# URL userinfo
curl -X POST "https://myclient:CANARYuserinfo1@api.mypurecloud.com/oauth/token" -d grant_type=client_credentials
# a -u that a later -u overrides
curl -X POST https://api.mypurecloud.com/oauth/token -u a:CANARYfirst01 -u b:CANARYsecond2 -d grant_type=client_credentials
# -u, then an Authorization header that replaces it
curl -X POST https://api.mypurecloud.com/oauth/token -u a:CANARYthenhdr -H "Authorization: Basic CANARYhdr0003" -d grant_type=client_credentials
# an Authorization header, then -u
curl -X POST https://api.mypurecloud.com/oauth/token -H "Authorization: Basic CANARYhdr0004" -u b:CANARYuser005 -d grant_type=client_credentials
# credential headers other than Authorization, and --user=
curl -X POST https://api.mypurecloud.com/oauth/token -H "Proxy-Authorization: Basic CANARYproxy06" -H "Cookie: session=CANARYcookie7; theme=dark" -H "X-Api-Key: CANARYapikey8" -H "X-Client-Secret: CANARYxsecret" --user=id:CANARYeqform9 -d grant_type=client_credentials
curl -X POST https://api.mypurecloud.com/oauth/token --proxy-user p:CANARYpuser14 --proxy-header "Proxy-Authorization: Bearer CANARYphdr15" -d grant_type=client_credentials
# the same secret at a second place on the line, and on another line
curl -X POST "https://api.mypurecloud.com/oauth/token?note=CANARYtwice10" -u id:CANARYtwice10 -d grant_type=client_credentials
echo "CANARYtwice10"
