#!/bin/sh
# Integration tests against the mock authorization server
curl -s -X POST http://localhost:8080/oauth/token -u "$ID:$SECRET" -d grant_type=client_credentials
curl -s -X POST http://127.0.0.1:8080/oauth/token -u "$ID:$SECRET" -d grant_type=client_credentials
curl -s http://example.com/health
