#!/bin/sh
# curl commands that are text, not commands: printed help and a heredoc
# template. Nothing here sends a request.
usage() {
  echo "usage: curl -X POST https://api.mypurecloud.com/oauth/token -H 'Content-Type: application/json' -d client_secret=abc+def"
}
cat > request.txt <<EOF2
curl -X POST https://api.us.genesys.cloud/oauth/token \
  -d "grant_type=client_credentials&client_secret=abc+def"
EOF2
printf '%s\n' 'curl https://login.mypurecloud.com/api/v2/oauth/token --json {"grant_type":"client_credentials"}'
# curl https://api.mypurecloud.com/oauth/token -d grant_type=client_credentials
