#!/usr/bin/env bash
# Loads the stand-in images (tools/kind/standins.sh) into a running kind cluster's nodes, so Pods
# that name nginx:1.27, busybox:1.36, … start without a registry (CI).
#
#   tools/kind/load-standins.sh [CLUSTER]    (default: wheelhouse, the name `npm run lab -- up` uses)
set -euo pipefail
log_tag=load-standins
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cluster=${1:-wheelhouse}
command -v kind >/dev/null || fail "kind is not on PATH" "put the folder tools/kind/install.sh prints on PATH"
bash "$kind_dir/standins.sh" --check || fail "the stand-ins are missing or out of date" "run tools/kind/standins.sh"
mapfile -t images < <(bash "$kind_dir/standins.sh" --list)
start=$SECONDS
kind load docker-image --name "$cluster" "${images[@]}" >&2 || fail "kind load docker-image into $cluster failed" "is the cluster $cluster running? (kind get clusters)"
log "loaded ${#images[@]} stand-ins into $cluster in $((SECONDS - start))s"
