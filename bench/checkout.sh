#!/usr/bin/env bash
# Checks out the public repositories of bench/repos.txt, each at its
# commit, into REPOS/OWNER/NAME, for bench/run.sh REPOS:
#
#   bench/checkout.sh REPOS             # clones each from GitHub (network)
#   MIRROR=DIR bench/checkout.sh REPOS  # from bare clones already on disk:
#                                       # DIR/OWNER+NAME/repo or DIR/OWNER+NAME
#
# A bare clone that lacks some blobs (a partial mirror without its largest
# files: jars, videos, archives) gives the tree without them, and the
# script says how many it left out; both tools then read the same bytes.
# A repository already under REPOS is left as it is.
set -euo pipefail
[ $# -eq 1 ] || { echo "usage: [MIRROR=DIR] bench/checkout.sh REPOS" >&2; exit 2; }
list=$(cd "$(dirname "$0")" && pwd)/repos.txt
mkdir -p "$1"
repos=$(cd "$1" && pwd)
cache=$repos.clones # beside REPOS, not in the tree the tools read

checkout() { # checkout GITDIR COMMIT INTO
  local gitdir=$1 commit=$2 into=$3 idx absent
  idx=$(mktemp)
  GIT_INDEX_FILE=$idx git --git-dir="$gitdir" read-tree "$commit"
  absent=$(GIT_INDEX_FILE=$idx git --git-dir="$gitdir" ls-files -s | awk '{print $2}' |
    git --git-dir="$gitdir" cat-file --batch-check | awk '$2 == "missing" {print $1}')
  if [ -n "$absent" ]; then
    GIT_INDEX_FILE=$idx git --git-dir="$gitdir" ls-files -s -z |
      awk -v RS='\0' -v ORS='\0' -v m="$absent" 'BEGIN { n = split(m, a, "\n"); for (i = 1; i <= n; i++) gone[a[i]] = 1 }
        { split($0, f, "\t"); split(f[1], meta, " ") } gone[meta[2]] { print f[2] }' |
      GIT_INDEX_FILE=$idx git --git-dir="$gitdir" update-index --force-remove -z --stdin
    echo "bench/checkout.sh: $into: $(wc -l <<<"$absent") blobs absent from $gitdir, left out" >&2
  fi
  mkdir -p "$into.part"
  GIT_INDEX_FILE=$idx git --git-dir="$gitdir" --work-tree="$into.part" checkout-index -a -f
  rm -f "$idx"
  mv "$into.part" "$into"
}

grep -v '^#' "$list" | while read -r name commit; do
  [ -n "$name" ] || continue
  into=$repos/$name
  [ -d "$into" ] && continue
  gitdir=
  for d in "${MIRROR:-/nonexistent}/${name/\//+}/repo" "${MIRROR:-/nonexistent}/${name/\//+}"; do
    if [ -d "$d" ] && git --git-dir="$d" cat-file -e "$commit^{commit}" 2>/dev/null; then gitdir=$d; break; fi
  done
  if [ -z "$gitdir" ]; then
    gitdir=$cache/${name/\//+}.git
    [ -d "$gitdir" ] || git clone --quiet --bare "https://github.com/$name.git" "$gitdir"
  fi
  checkout "$gitdir" "$commit" "$into"
done
