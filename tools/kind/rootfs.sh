#!/usr/bin/env bash
# A Debian root file system as a tar file, cached: a minbase debootstrap of $DEBIAN_SUITE (made once,
# shared) with the given packages installed on top. Prints the tar file's path.
#
#   tools/kind/rootfs.sh NAME [PACKAGE...]
#
# Packages come from the machine's own apt sources (the mirror debootstrap uses is read from them),
# so it works wherever `apt-get install` does. Several can run side by side: the shared minbase is
# made under a lock. Needs root (debootstrap, chroot).
set -euo pipefail
log_tag=rootfs
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

name=${1:?usage: rootfs.sh NAME [PACKAGE...]}
shift
pkgs=("$@")
[[ $(id -u) == 0 ]] || fail "rootfs.sh needs root (debootstrap, chroot)"
command -v debootstrap >/dev/null || fail "debootstrap is missing" "apt-get install debootstrap (in CI: bash .ci/docker.sh)"

dir="$kind_cache/rootfs"
mkdir -p "$dir"
# The recipe's version: bump it when what this script does to a rootfs changes.
recipe=2
base="$dir/minbase-$DEBIAN_SUITE-r$recipe.tar"
out="$dir/$name-$(hash_text "$DEBIAN_SUITE $recipe $(printf '%s\n' "${pkgs[@]}" | sort -u)").tar"
if [[ -f $out ]]; then echo "$out"; exit 0; fi

# The first mirror the machine's apt sources list for the suite (deb822 or one-line format).
mirror() {
  local f uri
  for f in /etc/apt/sources.list.d/*.sources; do
    [[ -f $f ]] || continue
    uri=$(awk -v s="$DEBIAN_SUITE" 'BEGIN{RS=""} /(^|\n)Types:[^\n]*deb( |\n|$)/ && $0 ~ "(^|\n)Suites:[^\n]*[ ]" s "( |\n|$)" {
           if (match($0, /URIs:[ ]*[^ \n]+/)) { u = substr($0, RSTART, RLENGTH); sub(/URIs:[ ]*/, "", u); print u; exit } }' "$f")
    [[ -n $uri ]] && { echo "$uri"; return; }
  done
  for f in /etc/apt/sources.list /etc/apt/sources.list.d/*.list; do
    [[ -f $f ]] || continue
    uri=$(awk -v s="$DEBIAN_SUITE" '$1 == "deb" && $3 == s { print $2; exit }' "$f")
    [[ -n $uri ]] && { echo "$uri"; return; }
  done
}

# --- the shared minbase ------------------------------------------------------------------------
exec 9>"$dir/.minbase.lock"
flock 9
if [[ ! -f $base ]]; then
  url=$(mirror)
  [[ -n $url ]] || fail "no apt source for $DEBIAN_SUITE in /etc/apt/sources.list{,.d}" "add a Debian $DEBIAN_SUITE source"
  log "debootstrap --variant=minbase $DEBIAN_SUITE (a few minutes)"
  work=$(mktemp -d "$dir/.minbase.XXXX")
  if ! debootstrap --variant=minbase "$DEBIAN_SUITE" "$work/root" "$url" >"$work.log" 2>&1; then
    tail -20 "$work.log" >&2
    rm -rf "$work"
    fail "debootstrap $DEBIAN_SUITE failed (log above)" "check that apt-get can download packages on this machine"
  fi
  rm -f "$work.log"
  tar --numeric-owner -C "$work/root" -cf "$base.part" . && mv "$base.part" "$base"
  rm -rf "$work"
  log "minbase ready"
fi
flock -u 9

# --- the packages on top -----------------------------------------------------------------------
# One build per tar at a time (node-image.sh and standins.sh may ask for the same one at once).
exec 8>"$out.lock"
flock 8
if [[ -f $out ]]; then echo "$out"; exit 0; fi
log "$name: installing ${pkgs[*]:-(nothing)}"
work=$(mktemp -d "$dir/.$name.XXXX")
root="$work/root"
cleanup() {
  mountpoint -q "$root/proc" && umount "$root/proc"
  rm -rf "$work"
}
trap cleanup EXIT
mkdir -p "$root"
tar --numeric-owner -C "$root" -xf "$base"
if ((${#pkgs[@]})); then
  # apt inside the chroot sees the machine's sources and settings (proxies, mirrors), and starts no service.
  mv "$root/etc/apt" "$work/apt.orig"
  cp -a /etc/apt "$root/etc/apt"
  rm -f "$root"/etc/apt/sources.list.d/*.disabled* "$root"/etc/apt/trusted.gpg.d/*~
  cp /etc/resolv.conf "$root/etc/resolv.conf"
  printf '#!/bin/sh\nexit 101\n' >"$root/usr/sbin/policy-rc.d"
  chmod 755 "$root/usr/sbin/policy-rc.d"
  mount -t proc proc "$root/proc"
  if ! chroot "$root" /bin/sh -c "export DEBIAN_FRONTEND=noninteractive LC_ALL=C
      apt-get update -qq && apt-get install -y -qq --no-install-recommends $(printf '%q ' "${pkgs[@]}")" >"$work/apt.log" 2>&1; then
    tail -20 "$work/apt.log" >&2
    fail "$name: apt-get install ${pkgs[*]} failed (log above)"
  fi
  umount "$root/proc"
  chroot "$root" apt-get clean
  rm -rf "$root/etc/apt"
  mv "$work/apt.orig" "$root/etc/apt"
  rm -f "$root/usr/sbin/policy-rc.d"
fi
# What no image needs: package lists, docs, man pages, translations, logs.
rm -rf "$root"/var/lib/apt/lists/* "$root"/var/cache/apt/*.bin "$root"/usr/share/doc/* "$root"/usr/share/man/* \
  "$root"/usr/share/info/* "$root"/usr/share/locale/* "$root"/var/log/*.log "$root"/var/cache/debconf/*-old
: >"$root/etc/resolv.conf"
tar --numeric-owner -C "$root" -cf "$out.part" . && mv "$out.part" "$out"
log "$name: ready ($(du -h "$out" | cut -f1))"
echo "$out"
