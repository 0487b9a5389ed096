#!/bin/sh
# A local authorization server behind names that resolve to 127.0.0.1:
# nothing leaves the machine.
curl -X POST http://authorization-service.localtest.me:9000/oauth2/token -u "$ID:$SECRET" -d grant_type=client_credentials
curl -X POST http://auth.lvh.me:8080/oauth/token -u "$ID:$SECRET" -d grant_type=client_credentials
curl -X POST localtest.me:9000/oauth2/token -u "$ID:$SECRET" -d grant_type=client_credentials
