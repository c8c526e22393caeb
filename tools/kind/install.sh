#!/usr/bin/env bash
# Installs the kind CLI at KIND_VERSION (tools/kube/versions.env) from its Go module into
# Wheelhouse's cache and prints its bin folder (put it on PATH). A second run does nothing.
#
#   tools/kind/install.sh           install if needed, then print the bin folder
#   tools/kind/install.sh --print   print the bin folder (install nothing; exit 1 if missing)
set -euo pipefail
log_tag=kind-install
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
: "${KIND_VERSION:?KIND_VERSION is not set in tools/kube/versions.env}"

bin="$kind_cache/kind-$KIND_VERSION/bin"
if [[ -x $bin/kind ]]; then echo "$bin"; exit 0; fi
[[ ${1:-} == --print ]] && { echo "kind $KIND_VERSION is not installed: run tools/kind/install.sh" >&2; exit 1; }
command -v go >/dev/null || fail "Go is not on PATH" "install Go 1.26 or newer"

log "kind $KIND_VERSION: building from its Go module (about a minute)"
rm -rf "$bin.part" && mkdir -p "$bin.part"
GOTOOLCHAIN=local GOFLAGS= CGO_ENABLED=0 GOBIN="$bin.part" go install -trimpath -ldflags "-s -w" "sigs.k8s.io/kind@$KIND_VERSION" ||
  fail "kind $KIND_VERSION did not build" "see Go's messages above"
rm -rf "$bin" && mv "$bin.part" "$bin"
"$bin/kind" version >&2
echo "$bin"
