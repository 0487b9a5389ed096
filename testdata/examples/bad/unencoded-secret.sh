#!/bin/sh
# "+" in a raw -d body reaches the server as a space.
curl -X POST https://login.mypurecloud.com/oauth/token \
  -d "grant_type=client_credentials&client_id=3f1c2a7e-5b7d-4c1e-9d2a-6b8e0f4a1c33&client_secret=Qm9v+ZXJ5TG9uZ1NlY3JldA"
