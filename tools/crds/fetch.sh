#!/usr/bin/env bash
# Prints a folder holding the CustomResourceDefinitions of the add-on APIs that lessons and labs
# use on every cluster (Gateway API standard channel, VerticalPodAutoscaler), at the versions
# pinned in tools/kube/versions.env. They come from the projects' Go modules (the files those
# modules ship), copied into Wheelhouse's cache; a second run with the same versions does nothing.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
source "$here/../kube/versions.env"
cache_root=${WHEELHOUSE_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/wheelhouse}
out="$cache_root/crds/gateway-api-$GATEWAY_API_VERSION-vpa-$VPA_VERSION"
if [[ -f $out/.complete ]]; then echo "$out"; exit 0; fi
command -v go >/dev/null || { echo "tools/crds/fetch.sh needs Go on PATH" >&2; exit 1; }
moddir() { go mod download -json "$1" | sed -n 's/.*"Dir": "\(.*\)",/\1/p'; }
rm -rf "$out.part" && mkdir -p "$out.part"
gw=$(cd /tmp && GOFLAGS=-mod=mod moddir "sigs.k8s.io/gateway-api@$GATEWAY_API_VERSION")
cp "$gw"/config/crd/standard/gateway.networking.k8s.io_*.yaml "$out.part/"
vpa=$(cd /tmp && GOFLAGS=-mod=mod moddir "k8s.io/autoscaler/vertical-pod-autoscaler@$VPA_VERSION")
cp "$vpa/deploy/vpa-v1-crd-gen.yaml" "$out.part/autoscaling.k8s.io_vpa.yaml"
chmod -R u+w "$out.part"
touch "$out.part/.complete"
rm -rf "$out" && mv "$out.part" "$out"
echo "$out"
