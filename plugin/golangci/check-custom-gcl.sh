#!/usr/bin/env bash
# Builds golangci-lint with the tokenlint module plugin the way
# `golangci-lint custom` does (a main that imports golangci-lint's commands
# and this plugin), then runs it on a throw-away module with a
# .golangci.yml that enables and configures tokenlint. Not part of go test:
# compiling golangci-lint takes many minutes. Usage:
#   plugin/golangci/check-custom-gcl.sh [golangci-lint version, default v2.15.0]
set -euo pipefail
version="${1:-v2.15.0}"
repo="$(cd "$(dirname "$0")/../.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

mkdir -p "$work/gcl" "$work/app"
cat > "$work/gcl/go.mod" <<EOM
module example.com/customgcl

go 1.26.8

require (
	github.com/golangci/golangci-lint/v2 $version
	github.com/tokenlint/tokenlint v0.0.0
)

replace github.com/tokenlint/tokenlint => $repo
EOM
cat > "$work/gcl/main.go" <<'EOM'
package main

import (
	"fmt"
	"os"

	"github.com/golangci/golangci-lint/v2/pkg/commands"
	"github.com/golangci/golangci-lint/v2/pkg/exitcodes"

	_ "github.com/tokenlint/tokenlint/plugin/golangci"
)

func main() {
	if err := commands.Execute(commands.BuildInfo{Version: "custom", GoVersion: "go", Commit: "?", Date: "?"}); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(exitcodes.Failure)
	}
}
EOM
(cd "$work/gcl" && GOFLAGS=-mod=mod go build -o custom-gcl .)

cat > "$work/app/go.mod" <<'EOM'
module example.com/app

go 1.22
EOM
cat > "$work/app/main.go" <<'EOM'
package main

import (
	"net/http"
	"net/url"
	"os"
)

func main() {
	resp, err := http.PostForm("https://api.us.genesys.cloud/oauth/token", url.Values{
		"grant_type":    {"client_credentials"},
		"client_id":     {os.Getenv("ID")},
		"client_secret": {os.Getenv("SECRET")},
	})
	if err == nil {
		resp.Body.Close()
	}
}
EOM
cat > "$work/app/.golangci.yml" <<'EOM'
version: "2"
linters:
  default: none
  enable:
    - tokenlint
  settings:
    custom:
      tokenlint:
        type: module
        description: OAuth token-request mistakes
        original-url: https://github.com/tokenlint/tokenlint
        settings:
          region: eu-west-1
EOM
cd "$work/app"
set +e
out="$("$work/gcl/custom-gcl" run ./... 2>&1)"
code=$?
set -e
echo "$out"
if [ "$code" -ne 1 ] || ! grep -q 'https://login.mypurecloud.ie/oauth/token (eu-west-1) \[token-host\] (tokenlint)' <<< "$out"; then
  echo "FAIL: expected one token-host finding naming the eu-west-1 token URL (exit $code)" >&2
  exit 1
fi
sed -i 's/region: eu-west-1/regoin: eu-west-1/' .golangci.yml
if "$work/gcl/custom-gcl" run ./... > "$work/bad.log" 2>&1 || ! grep -q 'unknown field "regoin"' "$work/bad.log"; then
  cat "$work/bad.log"
  echo "FAIL: a misspelt setting must stop golangci-lint" >&2
  exit 1
fi
echo "ok: golangci-lint $version runs the tokenlint plugin with its settings"
