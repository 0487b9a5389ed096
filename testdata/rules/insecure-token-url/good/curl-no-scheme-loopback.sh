#!/bin/sh
# A local token server: loopback, nothing leaves the machine.
curl -X POST localhost:8080/oauth/token -u "$CLIENT_ID:$CLIENT_SECRET" -d grant_type=client_credentials
curl -X POST 127.0.0.1:9000/oauth2/token -u "$CLIENT_ID:$CLIENT_SECRET" -d grant_type=client_credentials
