curl -X POST https://login.mypurecloud.com/oauth/token \
  -u "2f1c0b8e-5d4a-4c3b-9e8f-7a6b5c4d3e2f:Jq8vL2x9TzR4wY7nB3mK5pQsXc1-dF6hGt0eWy9uIo2" \
  -d grant_type=client_credentials
