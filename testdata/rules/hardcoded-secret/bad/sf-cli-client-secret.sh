#!/usr/bin/env bash
sf org login client-credentials --client-id 3MVG9exampleClientIdForTests \
  --client-secret 7F3A91C2D8E4B6A0F1C3E5D7B9A2C4E6F8A0B2C4D6E8F0A1B3C5D7E9F1A3B5C7 \
  --instance-url https://mycompany.my.salesforce.com
