#!/bin/sh
# A quickstart against a local Keycloak: the secret is a sample (a note).
curl -X POST http://localhost:8080/realms/demo/protocol/openid-connect/token \
  -u "demo-service:Jq8vL2x9TzR4wY7nB3mK" \
  -d grant_type=client_credentials
