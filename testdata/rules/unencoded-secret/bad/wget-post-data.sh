#!/bin/sh
# wget --post-data sends the text as written.
wget -qO- --post-data="grant_type=client_credentials&client_id=$CLIENT_ID&client_secret=$CLIENT_SECRET" \
  https://login.mypurecloud.com/oauth/token
