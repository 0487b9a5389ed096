#!/bin/bash
CLIENT_ID="your_client_id"
CLIENT_SECRET="your_client_secret"
curl -s -X POST https://login.mypurecloud.ie/oauth/token \
  -d "grant_type=client_credentials&client_id=$CLIENT_ID&client_secret=$CLIENT_SECRET"
