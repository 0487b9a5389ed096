#!/bin/sh
# -d @- reads the body from the here-document: the "+" is sent raw.
curl -sS -X POST https://login.mypurecloud.com/oauth/token -d @- <<EOF
grant_type=client_credentials&client_id=${GENESYS_CLIENT_ID}&client_secret=hX4+q9ZrT2mVw8Ls
EOF
