# make token: a token for the export jobs.
GC_DOMAIN := mypurecloud.ie
TOKEN_URL  = https://api.$(GC_DOMAIN)/oauth/token

.PHONY: token
token:
	@curl -s -X POST "$(TOKEN_URL)" \
		-u "$(GC_CLIENT_ID):$(GC_CLIENT_SECRET)" \
		-d grant_type=client_credentials | jq -r .access_token
