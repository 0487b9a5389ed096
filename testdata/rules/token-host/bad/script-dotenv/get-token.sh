#!/usr/bin/env bash
# Reads the region domain from the .env beside it.
set -euo pipefail
source "$(dirname "$0")/.env"

curl -s -X POST "https://api.${ENVIRONMENT}/oauth/token" \
  -H "Content-Type: application/x-www-form-urlencoded" \
  -u "${CLIENT_ID}:${CLIENT_SECRET}" \
  -d "grant_type=client_credentials"
