#!/usr/bin/env bash
# Builds an offline kind node image, wheelhouse.local/kind-node:$KUBE_VERSION, from Debian packages
# and Go modules only, for machines that cannot pull kindest/node (CI). Use it with
# WHEELHOUSE_KIND_IMAGE=wheelhouse.local/kind-node:$KUBE_VERSION.
#
#   tools/kind/node-image.sh           build if needed, then print the image name
#   tools/kind/node-image.sh --check   exit 0 if the image is up to date, 1 if not (builds nothing)
#
# The image carries a label with a hash of the versions and of these scripts: when it matches, the
# script only prints the name (a second or so). Otherwise it rebuilds, reusing the cached
# binaries and root file systems (about 40 s); from a cold cache it builds everything (about 15 min
# on 2 cores, mostly Go): the Debian root file systems are made while Go compiles.
#
# What is in it, following kind's own base image (its files are taken from kind's Go module):
#   systemd, containerd + runc + crictl + CNI plugins, kubelet/kubeadm/kubectl, kind's entrypoint,
#   units and containerd config (with restrict_oom_score_adj = true), and, imported into
#   containerd, every image `kubeadm config images list` asks for (API server, controller manager,
#   scheduler, kube-proxy, etcd, CoreDNS, pause: each built from our binaries), plus a default CNI
#   (tools/kind/node/default-cni.yaml: ptp + host-local + routes between the nodes, no NetworkPolicy
#   enforcement; kindnetd cannot be built here) and the local-path provisioner as the default
#   StorageClass.
set -euo pipefail
log_tag=node-image
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
image="wheelhouse.local/kind-node:$KUBE_VERSION"
key=$(hash_files "$repo_dir/tools/kube/versions.env" "$repo_dir/tools/kube/build.sh" "$kind_dir/lib.sh" \
  "$kind_dir/rootfs.sh" "$kind_dir/components.sh" "$kind_dir/node-image.sh" "$kind_dir/versions.env" \
  "$kind_dir"/node/* "$kind_dir/pause/main.go" "$kind_dir/coredns/main.go")

if [[ $(image_key "$image") == "$key" ]]; then
  [[ ${1:-} == --check ]] && exit 0
  log "$image is up to date"
  echo "$image"
  exit 0
fi
[[ ${1:-} == --check ]] && exit 1
need_docker
[[ $(id -u) == 0 ]] || fail "building the node image needs root (debootstrap, chroot)"
export DOCKER_BUILDKIT=0
start=$SECONDS
log "building $image (cache key $key)"

mkdir -p "$kind_cache"
work=$(mktemp -d "$kind_cache/.node-image.XXXX")
bg_pids=()
cleanup() {
  for p in "${bg_pids[@]}"; do kill "$p" 2>/dev/null || true; done
  [[ -n ${import_cid:-} ]] && docker rm -f "$import_cid" >/dev/null 2>&1
  rm -rf "$work"
}
trap cleanup EXIT

# --- 1. root file systems in the background, Go builds in the foreground -----------------------
rootfs_bg() { # rootfs_bg NAME PACKAGE...: the tar's path lands in $work/NAME.path
  local name=$1
  bash "$kind_dir/rootfs.sh" "$@" >"$work/$name.path" &
  bg_pids+=($!)
}
rootfs_bg node systemd conntrack iptables nftables iproute2 ethtool util-linux mount kmod libseccomp2 \
  pigz e2fsprogs bash ca-certificates curl jq procps
rootfs_bg netbase iptables nftables conntrack iproute2 kmod
rootfs_bg busybox busybox-static

kube_bin=$(bash "$repo_dir/tools/kube/build.sh") || fail "the Kubernetes binaries did not build" "see tools/kube/build.sh's messages above"
node_bin=$(bash "$repo_dir/tools/kube/build.sh" --node) || fail "kubelet, kubeadm and kube-proxy did not build" "see tools/kube/build.sh's messages above"
bash "$kind_dir/components.sh" || fail "the node's components did not build" "see the messages above"
kind_mod=$(GOFLAGS= GOTOOLCHAIN=local go mod download -json "sigs.k8s.io/kind@$KIND_VERSION" | jq -r .Dir) ||
  fail "kind $KIND_VERSION's module is not available" "check that Go can download modules"
[[ -d $kind_mod/images/base/files ]] || fail "kind $KIND_VERSION's module has no images/base/files" "pick a KIND_VERSION whose module has it"

for p in "${bg_pids[@]}"; do wait "$p" || fail "a root file system did not build" "see rootfs's messages above"; done
bg_pids=()
node_tar=$(cat "$work/node.path") netbase_tar=$(cat "$work/netbase.path") busybox_tar=$(cat "$work/busybox.path")
log "binaries and root file systems ready ($((SECONDS - start))s)"

# --- 2. base images ----------------------------------------------------------------------------
# import_base TAR NAME: `docker import` once per tar (the tag carries the tar's name).
import_base() {
  local tag="wheelhouse.local/kind-base:$2-$(basename "$1" .tar)"
  if ! docker image inspect "$tag" >/dev/null 2>&1; then
    docker import "$1" "$tag" >/dev/null || fail "docker import $1 failed"
  fi
  echo "$tag"
}
# build TAG DIR: a classic `docker build` of DIR/Dockerfile.
build() {
  docker_build --label "org.wheelhouse.built-by=tools/kind" -t "$1" "$2" ||
    fail "docker build of $1 failed" "run: DOCKER_BUILDKIT=0 docker build $2 (kept only while this script runs)"
}
# stage DIR FILE...: hard-links (or copies) files into a build context.
stage() {
  local dir=$1
  shift
  mkdir -p "$dir"
  cp -l "$@" "$dir/" 2>/dev/null || cp "$@" "$dir/"
}

# Static images (API server, etcd, CoreDNS, …) share one small layer: users, CA certificates, /tmp.
static="$work/static-root"
mkdir -p "$static/etc/ssl/certs" "$static/tmp" "$static/root"
chmod 1777 "$static/tmp"
printf 'root:x:0:0:root:/root:/sbin/nologin\nnobody:x:65534:65534:nobody:/nonexistent:/sbin/nologin\nnonroot:x:65532:65532:nonroot:/home/nonroot:/sbin/nologin\n' >"$static/etc/passwd"
printf 'root:x:0:\nnobody:x:65534:\nnonroot:x:65532:\n' >"$static/etc/group"
echo 'hosts: files dns' >"$static/etc/nsswitch.conf"
cp /etc/ssl/certs/ca-certificates.crt "$static/etc/ssl/certs/" 2>/dev/null || true
tar --numeric-owner --owner=0 --group=0 --mtime=@0 --sort=name -C "$static" -cf "$work/static.tar" .
static_tag="wheelhouse.local/kind-base:static-$(sha256sum "$work/static.tar" | cut -c1-16)"
docker image inspect "$static_tag" >/dev/null 2>&1 || docker import "$work/static.tar" "$static_tag" >/dev/null
netbase_tag=$(import_base "$netbase_tar" netbase)

# The busybox layout (applets linked in /bin), for the local-path provisioner's helper Pods.
bb="$work/busybox-root"
mkdir -p "$bb/bin" "$bb/etc" "$bb/tmp" "$bb/root"
chmod 1777 "$bb/tmp"
mkdir -p "$work/bbx"
# Debian's /bin is a link to /usr/bin (merged /usr).
tar -xf "$busybox_tar" -C "$work/bbx" ./usr/bin/busybox || fail "no busybox in $busybox_tar"
mv "$work/bbx/usr/bin/busybox" "$bb/bin/busybox"
for a in $("$bb/bin/busybox" --list); do [[ $a == busybox ]] || ln -sf busybox "$bb/bin/$a"; done
cp "$static/etc/passwd" "$static/etc/group" "$bb/etc/"

# --- 3. the images kubeadm and the node's add-ons run, built from our binaries ------------------
mapfile -t kubeadm_images < <("$node_bin/kubeadm" config images list --kubernetes-version "$KUBE_VERSION" 2>/dev/null)
((${#kubeadm_images[@]} >= 5)) || fail "kubeadm config images list printed nothing useful"
sandbox_image=$(sed -n 's/^ *sandbox_image = "\(.*\)"/\1/p' "$kind_mod/images/base/files/etc/containerd/config.toml")
[[ -n $sandbox_image ]] || fail "no sandbox_image in kind's containerd config"
log "kubeadm expects: ${kubeadm_images[*]}; containerd's sandbox: $sandbox_image"

# The images are tagged as kubeadm asks; say so when what we build is another version.
for ref in "${kubeadm_images[@]}"; do
  case $ref in
    */coredns:*) [[ ${ref##*:} == "$COREDNS_VERSION" ]] || log "WARNING: kubeadm asks for $ref; CoreDNS $COREDNS_VERSION is tagged so (set COREDNS_VERSION in tools/kind/versions.env to ${ref##*:})" ;;
    */etcd:*) [[ ${ref##*:} == "${ETCD_VERSION#v}-"* ]] || log "WARNING: kubeadm asks for $ref; etcd $ETCD_VERSION is tagged so" ;;
  esac
done

images=()
# static_image TAG BINARY [ENTRYPOINT-JSON [USER]]
static_image() {
  local tag=$1 bin=$2 entry=${3:-} user=${4:-}
  local ctx="$work/img-$(basename "$bin")"
  stage "$ctx" "$bin"
  {
    echo "FROM $static_tag"
    echo "COPY $(basename "$bin") /usr/local/bin/"
    echo "ENV PATH=/usr/local/bin:/usr/bin:/bin"
    [[ -n $entry ]] && echo "ENTRYPOINT $entry"
    [[ -n $user ]] && echo "USER $user"
  } >"$ctx/Dockerfile"
  build "$tag" "$ctx"
  images+=("$tag")
}
pause=$(pause_dir)/pause
for ref in "${kubeadm_images[@]}"; do
  case $ref in
    */kube-apiserver:*) static_image "$ref" "$kube_bin/kube-apiserver" ;;
    */kube-controller-manager:*) static_image "$ref" "$kube_bin/kube-controller-manager" ;;
    */kube-scheduler:*) static_image "$ref" "$kube_bin/kube-scheduler" ;;
    */etcd:*) static_image "$ref" "$kube_bin/etcd" ;;
    */coredns:*) static_image "$ref" "$(coredns_dir)/coredns" '["/usr/local/bin/coredns"]' ;;
    */pause:*) static_image "$ref" "$pause" '["/usr/local/bin/pause"]' 65535:65535 ;;
    */kube-proxy:*)
      ctx="$work/img-kube-proxy"
      stage "$ctx" "$node_bin/kube-proxy" "$kind_dir/node/iptables-mode"
      cat >"$ctx/Dockerfile" <<EOF
FROM $netbase_tag
COPY kube-proxy /usr/local/bin/
COPY iptables-mode /usr/local/sbin/
RUN chmod 755 /usr/local/sbin/iptables-mode && cd /usr/local/sbin && for f in iptables ip6tables; do \
      for s in "" -save -restore; do ln -s iptables-mode "\$f\$s"; done; done
ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin
EOF
      build "$ref" "$ctx"
      images+=("$ref")
      ;;
    *) fail "kubeadm asks for $ref, which this script does not know how to build" "teach tools/kind/node-image.sh about it" ;;
  esac
done
# containerd's sandbox image is tagged inside the node (a Docker tag could clash with the stand-in).
kubeadm_pause=$(printf '%s\n' "${images[@]}" | grep '/pause:' | head -1)

# The default CNI: our routing loop + kubectl, on the netbase layer.
cni_image="wheelhouse.local/kind-cni:$key"
ctx="$work/img-cni"
stage "$ctx" "$kind_dir/node/wheelhouse-cni" "$kube_bin/kubectl"
cat >"$ctx/Dockerfile" <<EOF
FROM $netbase_tag
COPY wheelhouse-cni kubectl /usr/local/bin/
RUN chmod 755 /usr/local/bin/wheelhouse-cni
EOF
build "$cni_image" "$ctx"
images+=("$cni_image")

# The local-path provisioner, whose image also serves as its helper (busybox makes and removes folders).
lp_image="wheelhouse.local/kind-local-path:$LOCAL_PATH_PROVISIONER_VERSION-$key"
ctx="$work/img-local-path"
mkdir -p "$ctx"
tar --numeric-owner --owner=0 --group=0 -C "$bb" -cf "$ctx/root.tar" .
stage "$ctx" "$(comp_dir local-path-provisioner "$LOCAL_PATH_PROVISIONER_VERSION")/local-path-provisioner"
cat >"$ctx/Dockerfile" <<EOF
FROM scratch
ADD root.tar /
COPY local-path-provisioner /usr/local/bin/
ENV PATH=/usr/local/bin:/bin
EOF
build "$lp_image" "$ctx"
images+=("$lp_image")

log "saving ${#images[@]} images for the node's containerd"
docker save -o "$work/images.tar" "${images[@]}" || fail "docker save failed"

# --- 4. the node ------------------------------------------------------------------------------
node_base=$(import_base "$node_tar" node)
ctx="$work/node"
mkdir -p "$ctx/usr/bin" "$ctx/usr/local/bin" "$ctx/usr/local/sbin" "$ctx/opt/cni/bin" "$ctx/kind/manifests"
cp -r "$kind_mod/images/base/files/." "$ctx/"
chmod -R u+w,go-w "$ctx"
find "$ctx" -type f -exec chmod 644 {} + && find "$ctx" -type d -exec chmod 755 {} +
rm -f "$ctx/usr/local/bin/clean-install"
cp "$node_bin/kubelet" "$node_bin/kubeadm" "$kube_bin/kubectl" "$ctx/usr/bin/"
c=$(comp_dir containerd "$CONTAINERD_VERSION")
cp "$c/containerd" "$c/ctr" "$c/containerd-shim-runc-v2" "$(comp_dir crictl "$CRICTL_VERSION")/crictl" "$ctx/usr/local/bin/"
cp "$(comp_dir runc "$RUNC_VERSION")/runc" "$ctx/usr/local/sbin/"
cp "$(comp_dir cni-plugins "$CNI_PLUGINS_VERSION")"/* "$ctx/opt/cni/bin/"
chmod 755 "$ctx"/usr/bin/* "$ctx"/usr/local/bin/* "$ctx"/usr/local/sbin/* "$ctx"/opt/cni/bin/* "$ctx"/kind/bin/*
sed "s|WHEELHOUSE_CNI_IMAGE|$cni_image|g" "$kind_dir/node/default-cni.yaml" >"$ctx/kind/manifests/default-cni.yaml"
sed "s|WHEELHOUSE_LOCAL_PATH_IMAGE|$lp_image|g" "$kind_dir/node/default-storage.yaml" >"$ctx/kind/manifests/default-storage.yaml"
printf '%s' "$KUBE_VERSION" >"$ctx/kind/version"
# Pods' sandboxes cannot lower their own oom_score_adj where the host withholds that capability
# (CI machines): containerd is told not to try, as kind's entrypoint does for rootless hosts.
sed -i 's/restrict_oom_score_adj = false/restrict_oom_score_adj = true/' "$ctx/etc/containerd/config.toml"
grep -q 'restrict_oom_score_adj = true' "$ctx/etc/containerd/config.toml" || fail "could not set restrict_oom_score_adj in kind's containerd config"
(cd "$ctx" && tar --numeric-owner --owner=0 --group=0 -cf ../node-files.tar .)
mkdir -p "$work/node-ctx" && mv "$work/node-files.tar" "$work/node-ctx/files.tar"
cat >"$work/node-ctx/Dockerfile" <<'EOF'
ARG BASE
FROM $BASE
ADD files.tar /
# systemd as a container's init: only the units a node needs, no kernel log in the journal.
RUN set -e; \
    find /lib/systemd/system/sysinit.target.wants/ -name systemd-tmpfiles-setup.service -delete; \
    rm -f /lib/systemd/system/multi-user.target.wants/* /etc/systemd/system/*.wants/* \
          /lib/systemd/system/local-fs.target.wants/* /lib/systemd/system/sockets.target.wants/*udev* \
          /lib/systemd/system/sockets.target.wants/*initctl* /lib/systemd/system/basic.target.wants/*; \
    echo "ReadKMsg=no" >> /etc/systemd/journald.conf; \
    ln -sf /usr/lib/systemd/systemd /sbin/init; \
    systemctl enable kubelet.service containerd.service undo-mount-hacks.service; \
    systemctl mask systemd-binfmt.service; \
    mkdir -p /etc/kubernetes/manifests; \
    ctr oci spec | jq '.hooks.createContainer[.hooks.createContainer | length] |= . + {"path": "/kind/bin/mount-product-files.sh"}' \
      | jq 'del(.process.rlimits)' > /etc/containerd/cri-base.json; \
    containerd --version; runc --version; kubelet --version
EOF
sed -i "1s|.*|ARG BASE=$node_base|" "$work/node-ctx/Dockerfile"
build "wheelhouse.local/kind-build:node-$key" "$work/node-ctx"

log "importing the images into the node's containerd"
import_cid=$(docker run -d --entrypoint sleep --security-opt seccomp=unconfined "wheelhouse.local/kind-build:node-$key" infinity)
docker exec "$import_cid" bash -c 'nohup containerd >/tmp/containerd.log 2>&1 &'
for _ in $(seq 60); do
  docker exec "$import_cid" ctr version >/dev/null 2>&1 && break
  sleep 0.5
done
docker exec "$import_cid" ctr version >/dev/null 2>&1 || {
  docker exec "$import_cid" tail -20 /tmp/containerd.log >&2
  fail "containerd did not start inside the build container (its log above)"
}
# ctr in the build container (its warning about cgroup v1 hosts said once is enough).
nctr() { docker exec -i "$import_cid" ctr --namespace=k8s.io "$@" 2> >(grep -v 'support for cgroup v1 is deprecated' >&2); }
nctr images import --no-unpack --all-platforms --label=io.cri-containerd.pinned=pinned - <"$work/images.tar" >/dev/null ||
  fail "ctr images import failed"
if [[ $sandbox_image != "$kubeadm_pause" ]]; then
  nctr images tag --force "$kubeadm_pause" "$sandbox_image" >/dev/null || fail "could not tag $sandbox_image in the node"
  nctr images label "$sandbox_image" io.cri-containerd.pinned=pinned >/dev/null || true
fi
nctr images list -q | grep -v '^sha256:' | sed 's/^/  in the node: /' >&2
docker exec "$import_cid" bash -c 'pkill containerd; for i in $(seq 50); do pgrep -x containerd >/dev/null || break; sleep 0.2; done; rm -f /tmp/containerd.log'
docker commit "$import_cid" "wheelhouse.local/kind-build:imported-$key" >/dev/null
docker rm -f "$import_cid" >/dev/null
import_cid=

mkdir -p "$work/final"
cat >"$work/final/Dockerfile" <<EOF
FROM wheelhouse.local/kind-build:imported-$key
ENV container=docker
STOPSIGNAL SIGRTMIN+3
ENTRYPOINT ["/usr/local/bin/entrypoint", "/sbin/init"]
LABEL $cache_label=$key org.wheelhouse.kind-node="offline kind node image for CI, built by tools/kind/node-image.sh from Debian packages and Go modules"
EOF
build "$image" "$work/final"
docker rmi "wheelhouse.local/kind-build:node-$key" "wheelhouse.local/kind-build:imported-$key" >/dev/null 2>&1 || true
# Images of earlier builds (other keys) only take disk space now.
docker images --format '{{.Repository}}:{{.Tag}}' | grep -E '^wheelhouse.local/kind-(cni|local-path|build):' | grep -v -- "$key" |
  xargs -r docker rmi >/dev/null 2>&1 || true
log "$image ready in $((SECONDS - start))s ($(docker image inspect --format '{{.Size}}' "$image" | awk '{printf "%.1f GB", $1/1e9}'))"
echo "$image"
