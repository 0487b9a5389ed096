#!/usr/bin/env bash
set -euo pipefail
sfdx auth:jwt:grant --clientid "$SF_CLIENT_ID" --jwtkeyfile server.key --username ci@example.com \
  --instanceurl http://login.salesforce.com --setalias ci
