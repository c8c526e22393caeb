#!/usr/bin/env bash
# Builds the Kubernetes control-plane binaries, etcd, kubectl and kwok from Go modules, into a cache
# folder keyed by the versions in versions.env. A second run with the same versions does nothing.
#
#   tools/kube/build.sh           build if needed, then print the bin folder
#   tools/kube/build.sh --print   print the bin folder (build nothing; exit 1 if it is not built)
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
bin="$cache_root/kube/$KUBE_VERSION-etcd$ETCD_VERSION-kwok$KWOK_VERSION/bin"
stamp="$bin/.complete"

if [[ ${1:-} == --print ]]; then
  [[ -f $stamp ]] || { echo "not built: run tools/kube/build.sh" >&2; exit 1; }
  echo "$bin"; exit 0
fi
if [[ -f $stamp ]]; then echo "$bin"; exit 0; fi

command -v go >/dev/null || { echo "tools/kube/build.sh needs Go (1.26 or newer) on PATH" >&2; exit 1; }

log() { printf '[kube-build %(%H:%M:%S)T] %s\n' -1 "$*" >&2; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$bin"
export CGO_ENABLED=0 GOFLAGS=-mod=mod GOTOOLCHAIN=local
start=$SECONDS

# --- Kubernetes: kube-apiserver, kube-controller-manager, kube-scheduler, kubectl ---------------
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
(
  cd "$work/kube"
  go build -trimpath -tags selinux,notest,grpcnotrace -ldflags "$ldflags" -o "$bin/" \
    k8s.io/kubernetes/cmd/kube-apiserver \
    k8s.io/kubernetes/cmd/kube-controller-manager \
    k8s.io/kubernetes/cmd/kube-scheduler \
    k8s.io/kubernetes/cmd/kubectl
)
log "Kubernetes built after $((SECONDS - start))s"

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
