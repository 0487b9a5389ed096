# The login host, and what make does not hand to the shell: a define
# block, a target's name, a help text mentioning the API host.
GC_DOMAIN := mypurecloud.ie
TOKEN_URL  = https://login.$(GC_DOMAIN)/oauth/token

define HELP
curl -X POST https://api.mypurecloud.ie/oauth/token is wrong; use the login host
endef

.PHONY: token api.mypurecloud.com/oauth/token
token: ## POST https://api.mypurecloud.com/oauth/token is not where tokens come from
	@curl -s -X POST "$(TOKEN_URL)" \
		-u "$(GC_CLIENT_ID):$(GC_CLIENT_SECRET)" \
		-d grant_type=client_credentials | jq -r .access_token
