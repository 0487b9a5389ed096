#!/usr/bin/env bash
# Times tokenlint against ripgrep on the same warm tree, in one run, and
# prints medians and ratios. Needs hyperfine and rg (Debian: hyperfine,
# ripgrep). Usage:
#   bench/run.sh              # generated tree (bench/gen, seed 1)
#   bench/run.sh DIR          # any tree, e.g. a fetched repository
set -euo pipefail
cd "$(dirname "$0")/.."
out=bench/out
mkdir -p "$out"
go build -o "$out/tokenlint" ./cmd/tokenlint
tree=${1:-}
if [ -z "$tree" ]; then
  tree=$out/tree
  [ -d "$tree" ] || go run ./bench/gen -out "$tree"
fi
files=$(find "$tree" -type f | wc -l)
bytes=$(du -sb "$tree" | cut -f1)
echo "tree: $tree ($files files, $bytes bytes), $(nproc) cores"

# Whole tree: tokenlint (JSON output, exit 1 on findings is expected) vs rg.
hyperfine --style basic --warmup 2 --runs "${RUNS:-7}" -i \
  --export-json "$out/tree.json" \
  -n tokenlint "$out/tokenlint -format json $tree" \
  -n rg "rg -l -i -e 'oauth|client_secret|grant_type' $tree" >/dev/null

# One small file, as pre-commit calls it, against starting a trivial process.
small=$(mktemp --suffix=.sh)
printf 'curl -u "$ID:$SECRET" -d grant_type=client_credentials https://login.mypurecloud.com/oauth/token\n' >"$small"
hyperfine --style basic --warmup 5 --runs 30 -N -i \
  --export-json "$out/small.json" \
  -n tokenlint-one-file "$out/tokenlint $small" \
  -n true "true" >/dev/null
rm -f "$small"

# Peak resident memory of the whole-tree run.
rss_kb=$( { /usr/bin/time -f '%M' "$out/tokenlint" -format json "$tree" >/dev/null || true; } 2>&1 | tail -1)

python3 - "$out/tree.json" "$out/small.json" "$rss_kb" <<'PY'
import json, sys
def medians(path):
    return {r["command"]: r["median"] for r in json.load(open(path))["results"]}
t = medians(sys.argv[1]); s = medians(sys.argv[2]); rss = int(sys.argv[3])
print(f"whole tree: tokenlint {t['tokenlint']*1000:.0f} ms, rg {t['rg']*1000:.0f} ms, ratio {t['tokenlint']/t['rg']:.2f}x (target <= 2.0x)")
print(f"peak RSS:   tokenlint {rss/1024:.0f} MB (target <= 150 MB)")
print(f"one file:   tokenlint {s['tokenlint-one-file']*1000:.1f} ms, true {s['true']*1000:.1f} ms (target <= 20 ms)")
PY
