#!/bin/sh
# The header says form, the body is JSON: the server parses it as a form.
curl -X POST https://login.mypurecloud.com/oauth/token \
  -H "Content-Type: application/x-www-form-urlencoded" \
  -u "$CLIENT_ID:$CLIENT_SECRET" \
  -d '{"grant_type": "client_credentials"}'
