#!/usr/bin/env bash
# The login host with the domain from the .env beside it: silent. The
# second request's template holds a value that is no Genesys domain.
set -euo pipefail
source "$(dirname "$0")/.env"

curl -s -X POST "https://login.${ENVIRONMENT}/oauth/token" \
  -u "${CLIENT_ID}:${CLIENT_SECRET}" \
  -d "grant_type=client_credentials"

curl -s -X POST "https://api.${PARTNER_DOMAIN}/oauth/token" \
  -u "${PARTNER_ID}:${PARTNER_SECRET}" \
  -d "grant_type=client_credentials"
