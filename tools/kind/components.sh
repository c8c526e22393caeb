#!/usr/bin/env bash
# Builds what the offline kind node image runs besides Kubernetes, each from its Go module at the
# version in tools/kind/versions.env, into its own cache folder (tools/kind/lib.sh: comp_dir). A
# component already built is skipped, so a second run takes a moment.
#
#   tools/kind/components.sh [NAME...]    all components, or only those named (e.g. pause)
#
# The Kubernetes node binaries (kubelet, kubeadm, kube-proxy) come from `tools/kube/build.sh --node`.
set -euo pipefail
log_tag=components
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
command -v go >/dev/null || fail "Go is not on PATH" "install Go 1.26 or newer"
export GOTOOLCHAIN=local GOFLAGS=
start=$SECONDS
only=" $* "
wanted() { [[ $only == "  " || $only == *" $1 "* ]]; }

# gobuild NAME VERSION CGO TAGS LDFLAGS PACKAGE@VERSION...: `go install` into comp_dir NAME VERSION.
gobuild() {
  local name=$1 version=$2 cgo=$3 tags=$4 ldflags=$5
  shift 5
  local dest
  wanted "$name" || return 0
  dest=$(comp_dir "$name" "$version")
  [[ -f $dest/.complete ]] && return 0
  mkdir -p "$(dirname "$dest")"
  lock "$dest.lock"
  [[ -f $dest/.complete ]] && { unlock; return 0; }
  log "$name $version: building"
  rm -rf "$dest.part" && mkdir -p "$dest.part"
  if ! GOBIN="$dest.part" CGO_ENABLED=$cgo go install -trimpath -tags "$tags" -ldflags "-s -w $ldflags" "$@"; then
    fail "$name $version did not build" "see Go's messages above; a module the Go proxy does not serve needs another version in tools/kind/versions.env"
  fi
  rm -rf "$dest" && mv "$dest.part" "$dest" && touch "$dest/.complete"
  unlock
  log "$name $version: built ($((SECONDS - start))s)"
}

c=github.com/containerd/containerd/v2
gobuild containerd "$CONTAINERD_VERSION" 0 "no_btrfs no_devmapper no_zfs no_aufs" \
  "-X $c/version.Version=$CONTAINERD_VERSION -X $c/version.Package=$c" \
  "$c/cmd/containerd@$CONTAINERD_VERSION" "$c/cmd/ctr@$CONTAINERD_VERSION" "$c/cmd/containerd-shim-runc-v2@$CONTAINERD_VERSION"

# runc filters system calls with libseccomp (cgo): Debian's libseccomp-dev at build time, libseccomp2 in the node.
! wanted runc || [[ -f /usr/include/seccomp.h ]] || fail "runc needs libseccomp's headers" "apt-get install libseccomp-dev (in CI: bash .ci/docker.sh)"
gobuild runc "$RUNC_VERSION" 1 "seccomp urfave_cli_no_docs" "-X main.version=${RUNC_VERSION#v}" \
  "github.com/opencontainers/runc@$RUNC_VERSION"

gobuild crictl "$CRICTL_VERSION" 0 "" "-X sigs.k8s.io/cri-tools/pkg/version.Version=$CRICTL_VERSION" \
  "sigs.k8s.io/cri-tools/cmd/crictl@$CRICTL_VERSION"

p=github.com/containernetworking/plugins
gobuild cni-plugins "$CNI_PLUGINS_VERSION" 0 "" "-X $p/pkg/utils/buildversion.BuildVersion=$CNI_PLUGINS_VERSION" \
  "$p/plugins/main/ptp@$CNI_PLUGINS_VERSION" "$p/plugins/main/loopback@$CNI_PLUGINS_VERSION" \
  "$p/plugins/main/bridge@$CNI_PLUGINS_VERSION" "$p/plugins/ipam/host-local@$CNI_PLUGINS_VERSION" \
  "$p/plugins/meta/portmap@$CNI_PLUGINS_VERSION"

gobuild local-path-provisioner "$LOCAL_PATH_PROVISIONER_VERSION" 0 "" "-X main.VERSION=$LOCAL_PATH_PROVISIONER_VERSION" \
  "github.com/rancher/local-path-provisioner@$LOCAL_PATH_PROVISIONER_VERSION"


# own NAME KEY MAIN-DIR REQUIRE LDFLAGS: a program of ours (MAIN-DIR/main.go) built in a throwaway
# module that requires REQUIRE (module@version, or nothing), into comp_dir NAME KEY.
own() {
  local name=$1 version=$2 src=$3 require=$4 ldflags=$5
  local dest
  dest=$(comp_dir "$name" "$version")
  wanted "$name" || return 0
  [[ -f $dest/.complete ]] && return 0
  mkdir -p "$(dirname "$dest")"
  lock "$dest.lock"
  [[ -f $dest/.complete ]] && { unlock; return 0; }
  log "$name: building"
  local work
  work=$(mktemp -d)
  cp "$src/main.go" "$work/"
  rm -rf "$dest.part" && mkdir -p "$dest.part"
  (
    cd "$work"
    go mod init "wheelhouse.local/$name" >/dev/null 2>&1
    [[ -z $require ]] || go mod edit -require="$require"
    GOFLAGS=-mod=mod CGO_ENABLED=0 go build -trimpath -ldflags "-s -w $ldflags" -o "$dest.part/$name" .
  ) || { rm -rf "$work"; fail "$name did not build" "see Go's messages above"; }
  rm -rf "$work" "$dest" && mv "$dest.part" "$dest" && touch "$dest/.complete"
  unlock
  log "$name: built ($((SECONDS - start))s)"
}

# CoreDNS with the plugins a cluster's DNS uses (tools/kind/coredns/main.go): a full build spends
# most of its time on cloud SDKs.
own coredns "$(basename "$(coredns_dir)" | sed 's/^coredns-//')" "$kind_dir/coredns" \
  "github.com/coredns/coredns@$COREDNS_VERSION" "-X github.com/coredns/coredns/coremain.GitCommit=$COREDNS_VERSION"

# Our own pause, keyed by its source.
pause_key=$(basename "$(pause_dir)" | sed 's/^pause-//')
own pause "$pause_key" "$kind_dir/pause" "" "-X main.version=$pause_key"
log "components ready ($((SECONDS - start))s)"
