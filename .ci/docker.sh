#!/usr/bin/env bash
# CI only: a Docker engine on the CI machine, for the kind clusters. Installs Debian's docker.io
# (and what tools/kind needs to build images: debootstrap, libseccomp-dev), starts dockerd in the
# background and waits until it answers. Idempotent; takes a second when everything is in place.
#
#   bash .ci/docker.sh      (or source it: it defines nothing and changes no shell option)
#
# The quirk handled here belongs to the CI machines, not to learners' machines, and must never move
# into checker/ or site/: their capability bounding set lacks CAP_SYS_RESOURCE, so runc refuses to
# start a --privileged container (kind's nodes are privileged) with "unable to apply caps:
# operation not permitted". A wrapper registered as Docker's default runtime removes that one
# capability from the container's OCI config (`runc create`) and from the process of `runc exec`,
# then runs the real runc.
(
set -euo pipefail
log() { printf '[ci-docker %(%H:%M:%S)T] %s\n' -1 "$*" >&2; }
fail() { log "FAILED: $*"; exit 1; }
[[ $(id -u) == 0 ]] || fail "run as root (it installs packages and starts dockerd)"

# --- packages ---------------------------------------------------------------------------------
need=()
command -v dockerd >/dev/null || need+=(docker.io)
command -v debootstrap >/dev/null || need+=(debootstrap)
command -v jq >/dev/null || need+=(jq)
command -v iptables >/dev/null || need+=(iptables)
[[ -f /usr/include/seccomp.h ]] || need+=(libseccomp-dev)
command -v gcc >/dev/null || need+=(gcc libc6-dev)
command -v pkg-config >/dev/null || need+=(pkg-config)
if ((${#need[@]})); then
  log "installing Debian packages: ${need[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq || fail "apt-get update failed: are the Debian package sources reachable?"
  apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null || fail "apt-get install ${need[*]} failed"
fi

# --- the runc wrapper ---------------------------------------------------------------------------
real_runc=$(command -v runc || true)
[[ -x /usr/sbin/runc ]] && real_runc=/usr/sbin/runc
[[ -n $real_runc ]] || fail "no runc found after installing docker.io"
wrapper=/usr/local/libexec/wheelhouse-ci/runc
want=$(cat <<EOF
#!/bin/bash
# Written by Wheelhouse's .ci/docker.sh (CI machines only): drops CAP_SYS_RESOURCE, which this
# machine's capability bounding set lacks, from what runc is asked to grant; then runs runc.
real=$real_runc
strip() { # strip FILE JQ-PATH
  [[ -f \$1 ]] || return 0
  local tmp=\$1.wheelhouse-ci
  jq "\$2 |= (if . == null then . else with_entries(.value |= (if type == \"array\" then map(select(. != \"CAP_SYS_RESOURCE\")) else . end)) end)" "\$1" >"\$tmp" && mv "\$tmp" "\$1"
}
cmd= bundle=. process=
args=("\$@")
for ((i = 0; i < \${#args[@]}; i++)); do
  a=\${args[i]}
  case \$a in
    --bundle|-b) bundle=\${args[i+1]} ;;
    --bundle=*|-b=*) bundle=\${a#*=} ;;
    --process|-p) process=\${args[i+1]} ;;
    --process=*|-p=*) process=\${a#*=} ;;
    create|run|exec) [[ -z \$cmd ]] && cmd=\$a ;;
  esac
done
case \$cmd in
  create|run) strip "\$bundle/config.json" .process.capabilities ;;
  exec) [[ -n \$process ]] && strip "\$process" .capabilities ;;
esac
exec "\$real" "\$@"
EOF
)
if [[ ! -x $wrapper || $(cat "$wrapper") != "$want" ]]; then
  log "writing the runc wrapper $wrapper"
  mkdir -p "$(dirname "$wrapper")"
  printf '%s\n' "$want" >"$wrapper.tmp" && chmod 755 "$wrapper.tmp" && mv "$wrapper.tmp" "$wrapper"
fi

# --- daemon.json: the wrapper as the default runtime ---------------------------------------------
conf=/etc/docker/daemon.json
mkdir -p /etc/docker
old=$(cat "$conf" 2>/dev/null || echo '{}')
new=$(jq --arg p "$wrapper" '.runtimes["wheelhouse-ci-runc"] = {path: $p} | .["default-runtime"] = "wheelhouse-ci-runc"' <<<"$old") \
  || fail "$conf is not valid JSON"
changed=false
if [[ $(jq -S . <<<"$old") != $(jq -S . <<<"$new") ]]; then
  printf '%s\n' "$new" >"$conf"
  changed=true
  log "registered the wrapper as Docker's default runtime in $conf"
fi

# --- inotify limits ----------------------------------------------------------------------------
# Every kind node runs systemd, containerd and a kubelet, each holding inotify instances; with the
# kernel's default of 128 per user, the kubelets of a second or third cluster on the machine fail
# ("inotify_init: too many open files") and their nodes never register.
for kv in fs.inotify.max_user_instances=8192 fs.inotify.max_user_watches=1048576; do
  key=${kv%=*} want=${kv#*=}
  have=$(sysctl -n "$key" 2>/dev/null || echo 0)
  if ((have < want)); then
    sysctl -qw "$kv" || fail "cannot raise $key to $want (kind nodes need it)"
    log "raised $key from $have to $want"
  fi
done

# --- dockerd -----------------------------------------------------------------------------------
if pid=$(pgrep -x dockerd | head -1); then
  # default-runtime and runtimes are reloaded on SIGHUP.
  if $changed; then log "reloading dockerd ($pid)"; kill -HUP "$pid"; fi
else
  log "starting dockerd (log: /var/log/dockerd.log)"
  setsid nohup dockerd >>/var/log/dockerd.log 2>&1 </dev/null &
fi
for _ in $(seq 120); do
  if docker info >/dev/null 2>&1; then break; fi
  sleep 0.5
done
docker info >/dev/null 2>&1 || fail "dockerd does not answer after 60 s: see /var/log/dockerd.log"
runtime=$(docker info --format '{{.DefaultRuntime}}')
[[ $runtime == wheelhouse-ci-runc ]] || fail "Docker's default runtime is $runtime, not the wrapper: restart dockerd"
log "Docker $(docker info --format '{{.ServerVersion}}') ready (cgroup v$(docker info --format '{{.CgroupVersion}}'), runtime $runtime)"
)
