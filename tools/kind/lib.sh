# Sourced by the tools/kind scripts: versions, the cache folder, logging.
# shellcheck shell=bash
kind_dir=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo_dir=$(cd "$kind_dir/../.." && pwd)
# shellcheck source=../kube/versions.env
source "$repo_dir/tools/kube/versions.env"
# shellcheck source=versions.env
source "$kind_dir/versions.env"

cache_root=${WHEELHOUSE_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/wheelhouse}
kind_cache="$cache_root/kind"

log_tag=${log_tag:-kind}
log() { printf '[%s %(%H:%M:%S)T] %s\n' "$log_tag" -1 "$*" >&2; }
# fail WHAT [WHAT TO DO]
fail() {
  log "FAILED: $1"
  [[ -n ${2:-} ]] && log "what to do: $2"
  exit 1
}

need_docker() {
  command -v docker >/dev/null || fail "docker is not on PATH" "install Docker (in CI: bash .ci/docker.sh)"
  docker info >/dev/null 2>&1 || fail "Docker does not answer" "start the Docker daemon (in CI: bash .ci/docker.sh)"
}

# A short hash of files' contents and their names in the repository (for cache keys: the same
# in any checkout).
hash_files() {
  local f
  for f; do printf '%s %s\n' "$(sha256sum <"$f" | cut -c1-64)" "${f#"$repo_dir"/}"; done | sha256sum | cut -c1-16
}
hash_text() { sha256sum <<<"$*" | cut -c1-16; }

# The label a built image carries with the hash of what it was built from.
cache_label=org.wheelhouse.cache-key
image_key() { docker image inspect --format "{{ index .Config.Labels \"$cache_label\" }}" "$1" 2>/dev/null || true; }

# Where components.sh puts a component's binaries: one folder per name and version.
comp_dir() { echo "$kind_cache/bin/$1-$2"; }
# Our own programs are keyed by their source too.
coredns_dir() { comp_dir coredns "$COREDNS_VERSION-$(hash_files "$kind_dir/coredns/main.go")"; }
pause_dir() { comp_dir pause "$(hash_files "$kind_dir/pause/main.go")"; }

# `docker build -q` with the classic builder (DOCKER_BUILDKIT=0: no BuildKit on these machines),
# without its deprecation notice; Docker's other messages go to stderr.
docker_build() {
  local out rc=0
  out=$(DOCKER_BUILDKIT=0 docker build -q "$@" 2>&1 >/dev/null) || rc=$?
  grep -vE '^(DEPRECATED: The legacy builder|\s+BuildKit is currently disabled|\s+environment-variable\.|\s*$)' <<<"$out" >&2 || true
  return $rc
}

# lock FILE: holds an exclusive lock on FILE until the script exits (or `unlock`), so that two
# scripts building the same thing take turns.
lock() {
  exec {lock_fd}>"$1"
  flock "$lock_fd"
}
unlock() { [[ -n ${lock_fd:-} ]] && exec {lock_fd}>&- || true; }
