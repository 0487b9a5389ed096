#!/usr/bin/env bash
# A token URL kept in a variable: the finding points where the host is written.
set -euo pipefail

TOKEN_URL="https://login.genesys.cloud/oauth/token"

get_token() {
  curl -fsS "$TOKEN_URL" \
    -u "$CLIENT_ID:$CLIENT_SECRET" \
    --data-urlencode grant_type=client_credentials |
    jq -r .access_token
}

ACCESS_TOKEN="$(get_token)"
echo "token: ${#ACCESS_TOKEN} bytes"
