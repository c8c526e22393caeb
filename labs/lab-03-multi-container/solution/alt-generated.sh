#!/usr/bin/env bash
# Alternative solution: start from a generated manifest, add the rest with a JSON patch, then apply.
set -euo pipefail
ns=lab-03
kubectl run site --image=nginx:1.27 -n $ns --dry-run=client -o json > /tmp/wheelhouse-lab-03-site.json
kubectl patch --local -f /tmp/wheelhouse-lab-03-site.json --type=json -o json -p '[
  {"op":"add","path":"/spec/volumes","value":[{"name":"html","emptyDir":{}}]},
  {"op":"add","path":"/spec/containers/0/volumeMounts","value":[{"name":"html","mountPath":"/usr/share/nginx/html"}]},
  {"op":"add","path":"/spec/initContainers","value":[
    {"name":"init","image":"busybox:1.36","command":["sh","-c","echo hello > /w/index.html"],"volumeMounts":[{"name":"html","mountPath":"/w"}]},
    {"name":"logger","image":"busybox:1.36","restartPolicy":"Always","command":["sh","-c","tail -f /dev/null"],"volumeMounts":[{"name":"html","mountPath":"/w"}]}
  ]}
]' | kubectl apply -n $ns -f -
rm -f /tmp/wheelhouse-lab-03-site.json
