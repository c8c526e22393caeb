#!/usr/bin/env bash
# Reference solution: the commands a learner types, in order.
set -euo pipefail
ns=lab-15

# secret-ref-fixed: the Secret stores the password under "password"; point the reference at that key
kubectl describe secret db-credentials -n $ns
kubectl get deployment api -n $ns -o jsonpath='{.spec.template.spec.containers[0].env}'; echo
kubectl patch deployment api -n $ns --type=json \
  -p '[{"op":"replace","path":"/spec/template/spec/containers/0/env/1/valueFrom/secretKeyRef/key","value":"password"}]'

# api-config: literals
kubectl create configmap api-config --from-literal=LOG_LEVEL=info --from-literal=APP_MODE=production -n $ns

# api-pages: files (the file name becomes the key)
cd "$(mktemp -d)"
echo '<h1>Hello from lab-15</h1>' > index.html
echo 'User-agent: *' > robots.txt
kubectl create configmap api-pages --from-file=index.html --from-file=robots.txt -n $ns

# api-token: stringData, so the API server does the base64
kubectl apply -n $ns -f - <<'YAML'
apiVersion: v1
kind: Secret
metadata:
  name: api-token
type: Opaque
stringData:
  token: wh-7f3a9c
YAML

# wired: API_TOKEN from the Secret, then envFrom and the volume (kubectl has no "set volume")
kubectl set env deployment/api --from=secret/api-token --keys=token --prefix=API_ -n $ns
kubectl patch deployment api -n $ns -p '
spec:
  template:
    spec:
      containers:
        - name: api
          envFrom:
            - configMapRef:
                name: api-config
          volumeMounts:
            - name: pages
              mountPath: /usr/share/nginx/html
      volumes:
        - name: pages
          configMap:
            name: api-pages
            items:
              - key: index.html
                path: index.html
'
kubectl rollout status deployment/api -n $ns --timeout=120s
