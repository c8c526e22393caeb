#!/usr/bin/env bash
# Builds local stand-ins, under the exact names the labs use, for images a machine without a
# registry cannot pull (CI), then prints their names. Load them into a kind cluster with
# `kind load docker-image NAME... --name wheelhouse`. Each carries the label
# org.wheelhouse.stand-in saying what it really is.
#
#   tools/kind/standins.sh           build what is missing or out of date, print the names
#   tools/kind/standins.sh --check   exit 0 if all are up to date, 1 if not (builds nothing)
#   tools/kind/standins.sh --list    print the names (builds nothing)
#
#   nginx:1.27, nginx:1.26, nginx:latest   Debian's nginx-light on a bookworm root file system, laid
#                                          out like the real image: /etc/nginx/conf.d/default.conf,
#                                          /usr/share/nginx/html, port 80, logs to stdout/stderr
#   nginxinc/nginx-unprivileged:1.27       the same on port 8080, as uid 101
#   busybox:1.36, busybox:latest           Debian's busybox (1.35) with its applets in /bin.
#                                          Its wget segfaults on -T (a bug of 1.35), so /bin/wget is
#                                          a small script that runs it under `timeout` instead: -T N
#                                          means what it means to busybox 1.36's wget. Its awk
#                                          has no math functions: awk is Debian's mawk
#   curlimages/curl:8.11.1                 Debian's curl (7.88) with the real image's entrypoint, as uid 100
#   registry.k8s.io/pause:3.10             Wheelhouse's own pause (tools/kind/pause)
#   registry.k8s.io/e2e-test-images/jessie-dnsutils:1.3
#                                          Debian's dnsutils (nslookup, dig), for the lessons' DNS check:
#                                          busybox's nslookup, like the real busybox's, answers
#                                          NXDOMAIN for `kubernetes.default` (it searches only
#                                          names without a dot)
#   registry.k8s.io/metrics-server/metrics-server:v0.8.1
#                                          metrics-server built from its Go module, static, FROM scratch,
#                                          as the real image runs it (ENTRYPOINT /metrics-server, uid 65534)
#   registry.k8s.io/autoscaling/vpa-recommender:1.8.1
#                                          the VPA recommender built from its Go module (VPA_VERSION,
#                                          tools/kube/versions.env), static, FROM scratch (/recommender, uid 65532)
# An untagged name (nginx, busybox) means :latest, so those tags cover it.
set -euo pipefail
log_tag=standins
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

nginx_tags=(nginx:1.27 nginx:1.26 nginx:latest)
unpriv_tag=nginxinc/nginx-unprivileged:1.27
busybox_tags=(busybox:1.36 busybox:latest)
curl_tag=curlimages/curl:8.11.1
pause_tag=registry.k8s.io/pause:3.10
dnsutils_tag=registry.k8s.io/e2e-test-images/jessie-dnsutils:1.3
# The add-ons of labs 19 and 25 (their lab.yaml `images:`); the VPA's version is the one its CRDs have.
metrics_server_version=v0.8.1
metrics_server_tag=registry.k8s.io/metrics-server/metrics-server:$metrics_server_version
vpa_recommender_tag=registry.k8s.io/autoscaling/vpa-recommender:${VPA_VERSION#v}
all=("${nginx_tags[@]}" "$unpriv_tag" "${busybox_tags[@]}" "$curl_tag" "$pause_tag" "$dnsutils_tag" "$metrics_server_tag" "$vpa_recommender_tag")
key=$(hash_files "$kind_dir/lib.sh" "$kind_dir/rootfs.sh" "$kind_dir/standins.sh" "$kind_dir/versions.env" "$kind_dir/pause/main.go")

up_to_date() { local t; for t in "${all[@]}"; do [[ $(image_key "$t") == "$key" ]] || return 1; done; }
case ${1:-} in
  --list) printf '%s\n' "${all[@]}"; exit 0 ;;
  --check) up_to_date; exit ;;
esac
if up_to_date; then
  log "stand-ins are up to date"
  printf '%s\n' "${all[@]}"
  exit 0
fi
need_docker
[[ $(id -u) == 0 ]] || fail "building the stand-ins needs root (debootstrap, chroot)"
export DOCKER_BUILDKIT=0
start=$SECONDS
log "building stand-ins for ${all[*]} (cache key $key)"
mkdir -p "$kind_cache"
work=$(mktemp -d "$kind_cache/.standins.XXXX")
bg_pids=()
cleanup() {
  for p in "${bg_pids[@]}"; do kill "$p" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT

bash "$kind_dir/rootfs.sh" nginx nginx-light >"$work/nginx.path" & bg_pids+=($!)
bash "$kind_dir/rootfs.sh" curl curl ca-certificates >"$work/curl.path" & bg_pids+=($!)
bash "$kind_dir/rootfs.sh" busybox busybox >"$work/busybox.path" & bg_pids+=($!)
bash "$kind_dir/rootfs.sh" dnsutils dnsutils iproute2 iputils-ping curl ca-certificates >"$work/dnsutils.path" & bg_pids+=($!)
bash "$kind_dir/components.sh" pause || fail "the pause program did not build"

# gomod NAME VERSION MODULE PACKAGE-DIR BINARY: a program built inside its own Go module (its go.mod
# and go.sum, as its release is built: `go install pkg@version` refuses a module with exclude
# directives), static, into comp_dir NAME VERSION; skipped when already built.
gomod() {
  local name=$1 version=$2 module=$3 pkg=$4 bin=$5 dest dir
  dest=$(comp_dir "$name" "$version")
  [[ -f $dest/.complete ]] && return 0
  command -v go >/dev/null || fail "Go is not on PATH" "install Go 1.26 or newer"
  log "$name $version: building from the Go module $module"
  dir=$(cd /tmp && GOFLAGS=-mod=mod go mod download -json "$module@$version" | sed -n 's/.*"Dir": "\(.*\)",/\1/p')
  [[ -d $dir ]] || fail "the Go module proxy did not give $module@$version"
  rm -rf "$dest.part" && mkdir -p "$dest.part"
  (cd "$dir" && GOTOOLCHAIN=local GOFLAGS= CGO_ENABLED=0 go build -trimpath -ldflags "-s -w ${6:-}" -o "$dest.part/$bin" "./$pkg") ||
    fail "$name $version did not build" "see Go's messages above"
  rm -rf "$dest" && mv "$dest.part" "$dest" && touch "$dest/.complete"
  log "$name $version: built ($((SECONDS - start))s)"
}
gomod metrics-server "$metrics_server_version" sigs.k8s.io/metrics-server cmd/metrics-server metrics-server \
  "-X k8s.io/client-go/pkg/version.gitVersion=$metrics_server_version"
gomod vpa-recommender "$VPA_VERSION" k8s.io/autoscaler/vertical-pod-autoscaler pkg/recommender recommender
for p in "${bg_pids[@]}"; do wait "$p" || fail "a root file system did not build" "see rootfs's messages above"; done
bg_pids=()

# build CONTEXT TAG DESCRIPTION [MORE-TAGS...]
build() {
  local ctx=$1 tag=$2 what=$3
  shift 3
  docker_build --label "$cache_label=$key" --label "org.wheelhouse.stand-in=$what" -t "$tag" "$ctx" ||
    fail "docker build of the stand-in $tag failed"
  local t
  for t in "$@"; do docker tag "$tag" "$t"; done
  log "$tag ${*:+(also $*) }ready"
}

# --- nginx ---------------------------------------------------------------------------------------
for variant in nginx unprivileged; do
  ctx="$work/$variant"
  mkdir -p "$ctx/root/etc/nginx/conf.d" "$ctx/root/usr/share/nginx/html"
  if [[ $variant == nginx ]]; then
    port=80 user_line='user nginx;' pid=/var/run/nginx.pid temp=/var/cache/nginx
  else
    port=8080 user_line='' pid=/tmp/nginx.pid temp=/tmp
  fi
  cat >"$ctx/root/etc/nginx/nginx.conf" <<EOF
$user_line
worker_processes auto;
error_log /var/log/nginx/error.log notice;
pid $pid;
include /etc/nginx/modules-enabled/*.conf;

events {
    worker_connections 1024;
}

http {
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    log_format main '\$remote_addr - \$remote_user [\$time_local] "\$request" '
                    '\$status \$body_bytes_sent "\$http_referer" '
                    '"\$http_user_agent" "\$http_x_forwarded_for"';
    access_log /var/log/nginx/access.log main;
    client_body_temp_path $temp/client_temp;
    proxy_temp_path $temp/proxy_temp;
    fastcgi_temp_path $temp/fastcgi_temp;
    uwsgi_temp_path $temp/uwsgi_temp;
    scgi_temp_path $temp/scgi_temp;
    sendfile on;
    keepalive_timeout 65;
    include /etc/nginx/conf.d/*.conf;
}
EOF
  cat >"$ctx/root/etc/nginx/conf.d/default.conf" <<EOF
server {
    listen $port;
    listen [::]:$port;
    server_name localhost;

    location / {
        root /usr/share/nginx/html;
        index index.html index.htm;
    }

    error_page 500 502 503 504 /50x.html;
    location = /50x.html {
        root /usr/share/nginx/html;
    }
}
EOF
  cat >"$ctx/root/usr/share/nginx/html/index.html" <<'EOF'
<!DOCTYPE html>
<html>
<head>
<title>Welcome to nginx!</title>
</head>
<body>
<h1>Welcome to nginx!</h1>
<p>If you see this page, the nginx web server is successfully installed and working.</p>
<p><em>Thank you for using nginx.</em></p>
</body>
</html>
EOF
  cat >"$ctx/root/usr/share/nginx/html/50x.html" <<'EOF'
<!DOCTYPE html>
<html>
<head>
<title>Error</title>
</head>
<body>
<h1>An error occurred.</h1>
<p>Sorry, the page you are looking for is currently unavailable.</p>
</body>
</html>
EOF
  cp "$(cat "$work/nginx.path")" "$ctx/rootfs.tar"
  {
    echo "FROM scratch"
    echo "ADD rootfs.tar /"
    # Debian's own site and config give way to the layout of the real image.
    echo "RUN rm -rf /etc/nginx/sites-enabled /etc/nginx/sites-available /var/www/html /etc/nginx/nginx.conf \\"
    echo " && groupadd -g 101 nginx && useradd -u 101 -g 101 -d /nonexistent -s /bin/false -M nginx \\"
    echo " && mkdir -p /var/cache/nginx /var/log/nginx && chown 101:101 /var/cache/nginx \\"
    echo " && ln -sf /dev/stdout /var/log/nginx/access.log && ln -sf /dev/stderr /var/log/nginx/error.log"
    echo "COPY root/ /"
    if [[ $variant == unprivileged ]]; then
      echo "RUN chown -R 101:0 /usr/share/nginx/html /etc/nginx/conf.d && chmod -R g+w /etc/nginx/conf.d"
      echo "EXPOSE 8080"
      echo "USER 101"
    else
      echo "EXPOSE 80"
    fi
    echo "ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"
    echo "STOPSIGNAL SIGQUIT"
    echo 'CMD ["nginx", "-g", "daemon off;"]'
  } >"$ctx/Dockerfile"
done
build "$work/nginx" "${nginx_tags[0]}" "Debian bookworm nginx-light, laid out like the official nginx image (port 80)" "${nginx_tags[@]:1}"
build "$work/unprivileged" "$unpriv_tag" "Debian bookworm nginx-light, laid out like nginxinc/nginx-unprivileged (port 8080, uid 101)"

# --- busybox -------------------------------------------------------------------------------------
# Debian's dynamic busybox, not busybox-static: the static one's shell runs its own applets before
# looking at PATH, so no script could stand in for one of them. Its libraries come along (the
# program's NEEDED entries and the loader), nothing else of Debian.
ctx="$work/busybox"
mkdir -p "$ctx/root/bin" "$ctx/root/etc" "$ctx/root/tmp" "$ctx/root/root" "$ctx/root/home" "$ctx/x"
chmod 1777 "$ctx/root/tmp"
libs=./usr/lib/x86_64-linux-gnu
tar -xf "$(cat "$work/busybox.path")" -C "$ctx/x" ./usr/bin/busybox ./usr/bin/mawk "$libs/ld-linux-x86-64.so.2" "$libs/libc.so.6" "$libs/libresolv.so.2" "$libs/libm.so.6" ||
  fail "no busybox (or its libraries) in the busybox root file system"
mv "$ctx/x/usr/bin/busybox" "$ctx/root/bin/busybox"
mv "$ctx/x/usr/bin/mawk" "$ctx/root/bin/mawk"
mkdir -p "$ctx/root/lib/x86_64-linux-gnu" "$ctx/root/lib64"
mv "$ctx/x/$libs"/* "$ctx/root/lib/x86_64-linux-gnu/"
ln -s ../lib/x86_64-linux-gnu/ld-linux-x86-64.so.2 "$ctx/root/lib64/ld-linux-x86-64.so.2"
rm -rf "$ctx/x"
for a in $(chroot "$ctx/root" /bin/busybox --list); do [[ $a == busybox ]] || ln -sf busybox "$ctx/root/bin/$a"; done
# Debian builds busybox's awk without its math functions (atan2, sin, exp, …), which the real image
# has: awk is Debian's mawk (and libm) instead.
ln -sf mawk "$ctx/root/bin/awk"
# busybox 1.35's wget crashes (SIGSEGV) whenever -T is given; 1.36, the image the labs name, does not.
# The stand-in takes -T N (or -TN, --timeout=N) off and runs wget under busybox's own timeout.
rm "$ctx/root/bin/wget"
cat >"$ctx/root/bin/wget" <<'WGET'
#!/bin/sh
t= next=
for a do
  shift
  if [ -n "$next" ]; then t=$a next=; continue; fi
  case $a in
    -T) next=1; continue ;;
    -T*) t=${a#-T}; continue ;;
    --timeout=*) t=${a#--timeout=}; continue ;;
  esac
  set -- "$@" "$a"
done
[ -n "$t" ] && exec /bin/busybox timeout "$t" /bin/busybox wget "$@"
exec /bin/busybox wget "$@"
WGET
chmod 755 "$ctx/root/bin/wget"
printf '%s\n' root:x:0:0:root:/root:/bin/sh daemon:x:1:1:daemon:/usr/sbin:/bin/false \
  www-data:x:33:33:www-data:/var/www:/bin/false nobody:x:65534:65534:nobody:/home:/bin/false >"$ctx/root/etc/passwd"
printf '%s\n' root:x:0: daemon:x:1: www-data:x:33: nogroup:x:65534: >"$ctx/root/etc/group"
printf '%s\n' 'hosts: files dns' >"$ctx/root/etc/nsswitch.conf"
tar --numeric-owner --owner=0 --group=0 -C "$ctx/root" -cf "$ctx/root.tar" .
cat >"$ctx/Dockerfile" <<'EOF'
FROM scratch
ADD root.tar /
ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin
CMD ["sh"]
EOF
build "$ctx" "${busybox_tags[0]}" "Debian bookworm busybox 1.35 with its applets in /bin; wget -T runs under timeout (1.35 crashes on -T)" "${busybox_tags[@]:1}"

# --- curl ----------------------------------------------------------------------------------------
ctx="$work/curl"
mkdir -p "$ctx"
cp "$(cat "$work/curl.path")" "$ctx/rootfs.tar"
# The real image's entrypoint: arguments that start with a dash are curl's.
cat >"$ctx/entrypoint.sh" <<'EOF'
#!/bin/sh
set -e
if [ "${1#-}" != "$1" ]; then
  set -- curl "$@"
fi
exec "$@"
EOF
cat >"$ctx/Dockerfile" <<'EOF'
FROM scratch
ADD rootfs.tar /
COPY entrypoint.sh /entrypoint.sh
RUN chmod 755 /entrypoint.sh && groupadd -g 101 curl_group && useradd -u 100 -g 101 -d /home/curl_user -m -s /bin/sh curl_user
ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin
USER curl_user
ENTRYPOINT ["/entrypoint.sh"]
CMD ["curl"]
EOF
build "$ctx" "$curl_tag" "Debian bookworm curl with curlimages/curl's entrypoint (uid 100)"

# --- pause ---------------------------------------------------------------------------------------
ctx="$work/pause"
mkdir -p "$ctx"
cp "$(pause_dir)/pause" "$ctx/pause"
cat >"$ctx/Dockerfile" <<'EOF'
FROM scratch
COPY pause /pause
USER 65535:65535
ENTRYPOINT ["/pause"]
EOF
build "$ctx" "$pause_tag" "Wheelhouse's own pause program (tools/kind/pause)"

# --- metrics-server, VPA recommender -----------------------------------------------------------
# The binary alone, as in the real (distroless) images: same path, entrypoint and user.
ctx="$work/metrics-server"
mkdir -p "$ctx"
cp "$(comp_dir metrics-server "$metrics_server_version")/metrics-server" "$ctx/metrics-server"
cat >"$ctx/Dockerfile" <<'EOF'
FROM scratch
COPY metrics-server /metrics-server
USER 65534
ENTRYPOINT ["/metrics-server"]
EOF
build "$ctx" "$metrics_server_tag" "metrics-server $metrics_server_version built from its Go module sigs.k8s.io/metrics-server, static, FROM scratch"

ctx="$work/vpa-recommender"
mkdir -p "$ctx"
cp "$(comp_dir vpa-recommender "$VPA_VERSION")/recommender" "$ctx/recommender"
cat >"$ctx/Dockerfile" <<'EOF'
FROM scratch
COPY recommender /recommender
USER 65532:65532
ENTRYPOINT ["/recommender"]
EOF
build "$ctx" "$vpa_recommender_tag" "VPA recommender $VPA_VERSION built from its Go module k8s.io/autoscaler/vertical-pod-autoscaler, static, FROM scratch"

# --- dnsutils ------------------------------------------------------------------------------------
ctx="$work/dnsutils"
mkdir -p "$ctx"
cp "$(cat "$work/dnsutils.path")" "$ctx/rootfs.tar"
cat >"$ctx/Dockerfile" <<'EOF'
FROM scratch
ADD rootfs.tar /
ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin
CMD ["sh"]
EOF
build "$ctx" "$dnsutils_tag" "Debian bookworm dnsutils (nslookup, dig), iproute2, ping and curl"

log "stand-ins ready in $((SECONDS - start))s"
printf '%s\n' "${all[@]}"
