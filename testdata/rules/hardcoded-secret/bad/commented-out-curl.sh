#!/bin/sh
# curl -X POST https://api.mypurecloud.com/oauth/token \
#   -u "my-client:Jq8vL2x9TzR4wY7nB3mK" -d grant_type=client_credentials
# CLIENT_SECRET=Hq7wP3zK9xL2mN8vB4tR
# This script gets a token: see the docs.
curl -X POST https://login.mypurecloud.com/oauth/token -u "$ID:$SECRET" -d grant_type=client_credentials
