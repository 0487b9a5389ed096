#!/usr/bin/env bash
# Reproduces every row of the README's Performance table in one run on this
# machine: each tokenlint figure beside a reference tool run the same way, in
# the same run, and their ratio. CPU time (user + system) is the figure that
# holds on a shared machine; the one-file row is wall time, what a pre-commit
# user waits.
#
# Needs hyperfine, ripgrep and GNU time (Debian: hyperfine ripgrep time) and
# actionlint (go install github.com/rhysd/actionlint/cmd/actionlint@v1.7.7).
#
#   bench/run.sh                 # generated tree, one file, memory, go vet
#   bench/run.sh REPOS           # plus the public repositories of
#                                # bench/repos.txt, checked out under REPOS
#                                # by bench/checkout.sh (MIRROR=DIR: from
#                                # bare clones on disk; see its header)
#
# RUNS (default 5) sets the runs per figure; SKIP_VET=1 skips the go vet row.
set -euo pipefail
cd "$(dirname "$0")/.."
out=bench/out
mkdir -p "$out"
runs=${RUNS:-5}
go build -o "$out/tokenlint" ./cmd/tokenlint
tl=$PWD/$out/tokenlint
for tool in hyperfine rg actionlint /usr/bin/time; do
  command -v "$tool" >/dev/null || { echo "bench/run.sh: $tool is not installed (see the header)" >&2; exit 2; }
done
rows=$out/rows.tsv
: >"$rows"

# cpu CMD... prints the mean CPU seconds (user + system) of CMD over $runs.
cpu() {
  hyperfine --style none --warmup 1 --runs "$runs" -i --export-json "$out/h.json" -- "$(printf '%q ' "$@")" >/dev/null
  hstat user system
}
# hstat FIELD... prints the sum of the fields of the last hyperfine result.
hstat() {
  python3 -c 'import json,sys; r=json.load(open(sys.argv[1]))["results"][0]; print("%.4f" % sum(r[k] for k in sys.argv[2:]))' "$out/h.json" "$@"
}
# wall CMD... prints the median wall seconds of CMD, started without a shell.
wall() {
  hyperfine --style none --warmup 5 --runs 30 -N -i --export-json "$out/h.json" -- "$(printf '%q ' "$@")" >/dev/null
  hstat median
}
# row CASE TOKENLINT REFERENCE-NAME REFERENCE GOAL
row() { printf '%s\t%s\t%s\t%s\t%s\n' "$@" >>"$rows"; }

# 1. The generated tree (bench/gen, seed 1) against rg over the same bytes.
tree=$out/tree
[ -d "$tree" ] || go run ./bench/gen -out "$tree" >/dev/null
pattern='oauth|client_secret|grant_type'
# rg as tokenlint reads a tree: hidden files too, the tree's own .gitignore
# files (in a repository or not) but not those of the checkout around
# bench/out.
rg="rg --hidden --no-ignore-parent --no-require-git"
row "generated tree (bench/gen, seed 1), CPU s" "$(cpu "$tl" -format json "$tree")" rg "$(cpu $rg -l -i -e "$pattern" "$tree")" 1.5

# 2. Public repositories (bench/repos.txt names them and their commits),
#    with and without their Go files. rg reads the Go files as text, and
#    so does tokenlint's keyword search here (-go=false): type-checking the
#    packages is the go vet row's job.
if [ -n "${1:-}" ]; then
  bench/checkout.sh "$1"
  # Both trees are copied afresh, the same way, in this run: the same
  # bytes in a checkout that has lived on the disk for hours cost rg
  # three times the system time of a fresh copy (0.7 s against 0.2 s on
  # this machine), which made the two rows' references disagree.
  all=$out/repos-all nogo=$out/repos-nogo
  rm -rf "$all" "$nogo"
  mkdir -p "$all" "$nogo"
  (cd "$1" && find . -type f -print0 | cpio -0pdm --quiet "$OLDPWD/$all")
  (cd "$1" && find . -type f ! -name '*.go' -print0 | cpio -0pdm --quiet "$OLDPWD/$nogo")
  row "public repositories, Go files included, CPU s" "$(cpu "$tl" -go=false -format json "$all")" rg "$(cpu $rg -l -i -e "$pattern" "$all")" 1.2
  row "public repositories without Go files, CPU s" "$(cpu "$tl" -go=false -format json "$nogo")" rg "$(cpu $rg -l -i -e "$pattern" "$nogo")" 1.5
fi

# 3. One small file, as pre-commit runs it: wall time against rg on the
#    same file and actionlint on a small workflow.
small=$out/small.sh
printf 'curl -u "$ID:$SECRET" -d grant_type=client_credentials https://login.mypurecloud.com/oauth/token\n' >"$small"
mkdir -p "$out/wf/.github/workflows"
printf 'on: push\njobs:\n  t:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo hi\n' >"$out/wf/.github/workflows/ci.yml"
t_small=$(wall "$tl" "$small")
row "one small file, wall s" "$t_small" rg "$(wall rg -i -e "$pattern" "$small")" 1.3
row "one small file, wall s" "$t_small" actionlint "$(wall actionlint "$out/wf/.github/workflows/ci.yml")" -

# 4. Peak memory on one 20 MB file of each of the heaviest formats, against
#    the file's own size (goal: at most 4x the file plus 40 MiB). The units
#    are internal/lint/memory_test.go's, which bounds the same costs per byte.
big() { # big FILE UNIT [HEAD SEP TAIL]: repeat UNIT until FILE is 20 MiB
  python3 - "$@" <<'PY'
import sys
unit, head, sep, tail = (a.encode().decode("unicode_escape").encode() for a in (sys.argv[2:] + ["", "", ""])[:4])
with open(sys.argv[1], "wb") as f:
    f.write(head); n = len(head)
    while n < 20 << 20:
        if n > len(head):
            f.write(sep); n += len(sep)
        f.write(unit); n += len(unit)
    f.write(tail)
PY
}
big "$out/big.yaml" 'spring:\n  security:\n    oauth2:\n      client:\n        provider:\n          genesys:\n            token-uri: https://login.mypurecloud.com/oauth/token\n        registration:\n          genesys:\n            client-id: ${ID}\n            client-secret: ${SECRET}\n---\n'
big "$out/big.sh" 'curl -X POST https://login.mypurecloud.com/oauth/token -u "$ID:$SECRET" -d grant_type=client_credentials\n'
big "$out/big.http" 'POST https://login.mypurecloud.com/oauth/token\nAuthorization: Basic {{credentials}}\nContent-Type: application/x-www-form-urlencoded\n\ngrant_type=client_credentials\n\n###\n'
big "$out/big.postman_collection.json" '{"name":"token","request":{"method":"POST","url":"https://login.mypurecloud.com/oauth/token","header":[{"key":"Content-Type","value":"application/x-www-form-urlencoded"}],"body":{"mode":"urlencoded","urlencoded":[{"key":"grant_type","value":"client_credentials"}]},"auth":{"type":"basic","basic":[{"key":"username","value":"{{id}}"},{"key":"password","value":"{{secret}}"}]}}}' \
  '{"info":{"name":"big","schema":"https://schema.getpostman.com/json/collection/v2.1.0/collection.json"},"item":[\n' ',\n' '\n]}\n'
big "$out/big.json" '{"auth":{"token_url":"https://login.mypurecloud.com/oauth/token","client_id":"${ID}","region":"us-east-1"}}' '{"services":[\n' ',\n' '\n]}\n'
big "$out/big.md" 'Get a token:\n\n```sh\ncurl -X POST https://login.mypurecloud.com/oauth/token -u "$ID:$SECRET" -d grant_type=client_credentials\n```\n\n'
big "$out/big.env" 'GENESYS_CLOUD_REGION=us-east-1\nGENESYS_CLOUD_ENVIRONMENT=mypurecloud.com\nGENESYS_CLIENT_ID=${CLIENT_ID}\nGENESYS_TOKEN_URL=https://login.mypurecloud.com/oauth/token\n'
printf 'max_file_size = "64MB"\n' >"$out/big.toml"
for f in big.yaml big.sh big.http big.postman_collection.json big.json big.md big.env; do
  size=$(stat -c %s "$out/$f")
  peak=$( { /usr/bin/time -f '%M' "$tl" -config "$out/big.toml" -format json "$out/$f" >/dev/null || true; } 2>&1 | tail -1)
  row "20 MB ${f#big.}, peak MiB" "$((peak / 1024))" "file size" "$((size >> 20))" "4x+40"
done

# 5. go vet -vettool=tokenlint against go vet on golang.org/x/tools at the
#    version go.mod requires, ./go/... (109 packages and their tests). The
#    runs are paired, tokenlint then go vet, RUNS times over, each on a
#    fresh copy of a build cache warmed by go build: every tool analyses
#    every package, its dependencies too, but nothing is compiled twice.
#    The row is the mean CPU time of each tool's runs.
if [ -z "${SKIP_VET:-}" ]; then
  xtools=golang.org/x/tools@$(go list -m -f '{{.Version}}' golang.org/x/tools)
  src=$(go mod download -json "$xtools" | sed -n 's/^[[:space:]]*"Dir": "\(.*\)",$/\1/p')
  mod=$out/xtools-${xtools#*@}
  [ -d "$mod" ] || { cp -r "$src" "$mod"; chmod -R u+w "$mod"; }
  # The warm cache is named by the toolchain too: one warmed by another Go
  # is a cold cache, and the row would time compiling, not vetting.
  warm=$PWD/$out/gocache-warm-${xtools#*@}-$(go env GOVERSION)
  [ -d "$warm" ] || (cd "$mod" && GOCACHE=$warm GOFLAGS=-mod=mod go build ./go/... >/dev/null)
  pairs=$out/vet-pairs.txt
  : >"$pairs"
  for _ in $(seq "$runs"); do
    for vettool in "-vettool=$tl" ""; do
      rm -rf "$out/gocache" && cp -a "$warm" "$out/gocache"
      (cd "$mod" && GOCACHE=$PWD/../gocache GOFLAGS=-mod=mod /usr/bin/time -o "$PWD/../vet-time" -f '%U %S' \
        go vet $vettool ./go/... >/dev/null 2>&1) || true
      echo "${vettool:-govet} $(cat "$out/vet-time")" >>"$pairs"
    done
  done
  vetmean() { awk -v t="$1" '$1 == t { s += $2 + $3; n++ } END { printf "%.4f", s / n }' "$pairs"; }
  row "go vet -vettool=tokenlint on $xtools ./go/..., CPU s (paired)" "$(vetmean "-vettool=$tl")" "go vet" "$(vetmean govet)" 0.5
fi

printf '%-58s %12s  %-12s %12s  %7s  %s\n' case tokenlint reference value ratio goal
while IFS=$'\t' read -r what mine refname ref goal; do
  ratio=$(python3 -c "import sys; a,b=float(sys.argv[1]),float(sys.argv[2]); print(f'{a/b:.2f}x' if b else '-')" "$mine" "$ref")
  printf '%-58s %12s  %-12s %12s  %7s  %s\n' "$what" "$mine" "$refname" "$ref" "$ratio" "$goal"
done <"$rows"
