#!/bin/bash
# The secret is assigned once, so the finding points into the assignment.
CLIENT_SECRET='b7%zQ9'
curl -s https://login.mypurecloud.com/oauth/token \
  --data-binary "grant_type=client_credentials&client_id=$CLIENT_ID&client_secret=$CLIENT_SECRET"
