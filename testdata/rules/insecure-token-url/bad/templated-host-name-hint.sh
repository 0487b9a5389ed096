#!/bin/sh
curl -X POST "http://login.${gc_region}/oauth/token" -u "$ID:$SECRET" -d grant_type=client_credentials
