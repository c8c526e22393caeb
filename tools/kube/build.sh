#!/usr/bin/env bash
# Builds the Kubernetes control-plane binaries, etcd, kubectl and kwok from Go modules, into a cache
# folder keyed by the versions in versions.env. A second run with the same versions does nothing.
#
#   tools/kube/build.sh                  build if needed, then print the bin folder
#   tools/kube/build.sh --print          print the bin folder (build nothing; exit 1 if it is not built)
#   tools/kube/build.sh --node [--print] the same for kubelet, kubeadm and kube-proxy (for the
#                                        offline kind node image, tools/kind), in a folder of their own
#
# Why wrapper modules: `go install k8s.io/kubernetes/cmd/...@vX` refuses modules with replace
# directives, and k8s.io/kubernetes points every staging module (k8s.io/api, client-go, …) at a
# local folder. A throwaway module that requires k8s.io/kubernetes and replaces each staging module
# with its published v0.X.Y release builds the same code.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source=versions.env
source "$here/versions.env"

cache_root=${WHEELHOUSE_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/wheelhouse}
node=false
node_flag=
if [[ ${1:-} == --node ]]; then node=true node_flag=" --node"; shift; fi
if $node; then
  # Node binaries in a folder of their own: adding them never invalidates the one below.
  bin="$cache_root/kube/$KUBE_VERSION-node/bin"
else
  bin="$cache_root/kube/$KUBE_VERSION-etcd$ETCD_VERSION-kwok$KWOK_VERSION/bin"
fi
stamp="$bin/.complete"

if [[ ${1:-} == --print ]]; then
  [[ -f $stamp ]] || { echo "not built: run tools/kube/build.sh$node_flag" >&2; exit 1; }
  echo "$bin"; exit 0
fi
if [[ -f $stamp ]]; then echo "$bin"; exit 0; fi

command -v go >/dev/null || { echo "tools/kube/build.sh needs Go (1.26 or newer) on PATH" >&2; exit 1; }

log() { printf '[kube-build %(%H:%M:%S)T] %s\n' -1 "$*" >&2; }
mkdir -p "$bin"
# One build per folder at a time: a second run waits, then finds the first one's binaries.
exec 9>"$bin/.lock"
if ! flock -n 9; then
  log "another tools/kube/build.sh is building $bin: waiting for it"
  flock 9
fi
if [[ -f $stamp ]]; then echo "$bin"; exit 0; fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export CGO_ENABLED=0 GOFLAGS=-mod=mod GOTOOLCHAIN=local
start=$SECONDS

# --- Kubernetes: kube-apiserver, kube-controller-manager, kube-scheduler, kubectl ---------------
# (with --node: kubelet, kubeadm, kube-proxy; the same module and build cache)
log "Kubernetes $KUBE_VERSION: resolving modules"
staging=${KUBE_VERSION/v1./v0.}
mkdir -p "$work/kube"
(
  cd "$work/kube"
  go mod init wheelhouse.local/kubebuild >/dev/null 2>&1
  go mod edit -require="k8s.io/kubernetes@$KUBE_VERSION"
  modfile=$(go mod download -json "k8s.io/kubernetes@$KUBE_VERSION" | sed -n 's/.*"GoMod": "\(.*\)",/\1/p')
  # Every `k8s.io/<name> => ./staging/...` line becomes a replace with the published release.
  grep -oE '^\s*k8s\.io/[a-z0-9-]+ => \./staging/' "$modfile" | awk '{print $1}' | while read -r m; do
    go mod edit -replace="$m=$m@$staging"
  done
  goversion=$(sed -n 's/^go \(.*\)/\1/p' "$modfile")
  go mod edit -go="$goversion"
)
date=$(date -u +%Y-%m-%dT%H:%M:%SZ)
major=$(echo "$KUBE_VERSION" | sed 's/^v\([0-9]*\)\..*/\1/')
minor=$(echo "$KUBE_VERSION" | sed 's/^v[0-9]*\.\([0-9]*\)\..*/\1/')
ldflags="-s -w"
for p in k8s.io/component-base/version k8s.io/client-go/pkg/version; do
  ldflags+=" -X $p.gitVersion=$KUBE_VERSION -X $p.gitMajor=$major -X $p.gitMinor=$minor"
  ldflags+=" -X $p.gitTreeState=clean -X $p.buildDate=$date"
done
log "Kubernetes $KUBE_VERSION: building (the first build takes a while on 2 cores)"
if $node; then
  cmds=(kubelet kubeadm kube-proxy)
else
  cmds=(kube-apiserver kube-controller-manager kube-scheduler kubectl)
fi
(
  cd "$work/kube"
  go build -trimpath -tags selinux,notest,grpcnotrace -ldflags "$ldflags" -o "$bin/" "${cmds[@]/#/k8s.io/kubernetes/cmd/}"
)
log "Kubernetes built after $((SECONDS - start))s"
if $node; then
  "$bin/kubelet" --version >&2
  touch "$stamp"
  log "node binaries ready in $((SECONDS - start))s: $bin"
  echo "$bin"
  exit 0
fi

# --- etcd --------------------------------------------------------------------------------------
log "etcd $ETCD_VERSION: building"
mkdir -p "$work/etcd"
(
  cd "$work/etcd"
  go mod init wheelhouse.local/etcdbuild >/dev/null 2>&1
  go mod edit -require="go.etcd.io/etcd/server/v3@$ETCD_VERSION"
  # etcd's own main package lives in a module with replace directives too; this is the same entry point.
  printf 'package main\n\nimport (\n\t"os"\n\n\t"go.etcd.io/etcd/server/v3/etcdmain"\n)\n\nfunc main() { etcdmain.Main(os.Args) }\n' > main.go
  go build -trimpath -ldflags "-s -w -X go.etcd.io/etcd/api/v3/version.GitSHA=release" -o "$bin/etcd" .
)
log "etcd built after $((SECONDS - start))s"

# --- kwok and kwokctl --------------------------------------------------------------------------
log "kwok $KWOK_VERSION: building"
GOFLAGS= GOBIN="$bin" go install -trimpath -ldflags "-s -w" \
  "sigs.k8s.io/kwok/cmd/kwok@$KWOK_VERSION" "sigs.k8s.io/kwok/cmd/kwokctl@$KWOK_VERSION"

"$bin/kube-apiserver" --version >&2
"$bin/etcd" --version | head -1 >&2
"$bin/kwokctl" --version >&2 || true
touch "$stamp"
log "all binaries ready in $((SECONDS - start))s: $bin"
echo "$bin"
