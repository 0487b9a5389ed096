#!/bin/sh
# A VM's managed identity: the metadata service issues the token to a GET,
# over http on its link-local address, with no grant_type.
curl -s -H Metadata:true \
  "http://169.254.169.254/metadata/identity/oauth2/token?api-version=2018-02-01&resource=https%3A%2F%2Fvault.azure.net"
