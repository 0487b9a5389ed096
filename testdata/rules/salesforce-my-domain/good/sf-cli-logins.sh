#!/usr/bin/env bash
# Client credentials at the org's My Domain, the JWT bearer flow at
# login.salesforce.com (which serves it), and an instance URL from the
# environment: all silent.
set -euo pipefail
sf org login client-credentials --client-id "$SF_CLIENT_ID" --client-secret "$SF_CLIENT_SECRET" \
  --instance-url https://mycompany.my.salesforce.com --alias prod
sf org login client-credentials --client-id "$SF_CLIENT_ID" --client-secret "$SF_CLIENT_SECRET" \
  -r https://mycompany--uat.sandbox.my.salesforce.com/ --alias uat
sf org login jwt --client-id "$SF_CLIENT_ID" --jwt-key-file server.key --username ci@example.com \
  --instance-url https://login.salesforce.com
sfdx force:auth:jwt:grant -i "$SF_CLIENT_ID" -f server.key -u ci@example.com -r https://test.salesforce.com
sf org login client-credentials --client-id "$SF_CLIENT_ID" --client-secret "$SF_CLIENT_SECRET" \
  --instance-url "$SF_INSTANCE_URL"
sf org login web --instance-url https://login.salesforce.com
