#!/usr/bin/env bash
# CI login with the Salesforce CLI's client-credentials flow.
set -euo pipefail
sf org login client-credentials \
  --client-id "$SF_CLIENT_ID" \
  --client-secret "$SF_CLIENT_SECRET" \
  --instance-url https://login.salesforce.com \
  --alias ci
