#!/bin/sh
# A name that only starts like the loopback one is a host on the network.
curl -X POST http://localtest.me.example.org/oauth2/token -u "$ID:$SECRET" -d grant_type=client_credentials
