#!/bin/sh
# Lark/Feishu token endpoints take JSON bodies.
curl -X POST https://open.feishu.cn/open-apis/authen/v2/oauth/token \
  -H "Content-Type: application/json; charset=utf-8" \
  -d "{\"grant_type\":\"authorization_code\",\"client_id\":\"$APP_ID\",\"client_secret\":\"$APP_SECRET\",\"code\":\"$CODE\"}"
