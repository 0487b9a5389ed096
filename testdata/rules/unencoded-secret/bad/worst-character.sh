#!/bin/sh
# "/" alone is a warning; the "+" after it is what the server turns into a space.
curl https://login.mypurecloud.com/oauth/token \
  -d "grant_type=client_credentials&client_id=8a1f&client_secret=q/Zk+9Lm=="
