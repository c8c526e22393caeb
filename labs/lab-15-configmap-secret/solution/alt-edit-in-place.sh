#!/usr/bin/env bash
# Alternative: as `kubectl edit` does — the live Deployment fetched, the key corrected with sed and
# written back with kubectl replace (same object); the wiring as a strategic patch file, fields in
# another order; the ConfigMap's keys given in the other order; the page files written without a
# trailing newline, with explicit key names; the Secret with stringData, the value quoted.
set -euo pipefail
ns=lab-15
tmp=$(mktemp -d)
# (kubectl replace without a resourceVersion reads the live one first: while the controller still
# writes the status it can be refused with a conflict, so try again as a learner would)
for i in 1 2 3 4 5; do
  kubectl get deployment api -n $ns -o yaml | sed -e 's/key: DB_PASS$/key: password/' -e '/^  resourceVersion:/d' | kubectl replace -f - && break
  [ $i = 5 ] && exit 1; sleep 1
done
kubectl create configmap api-config -n $ns --from-literal=APP_MODE=production --from-literal=LOG_LEVEL=info
printf '<h1>Hello from lab-15</h1>' > "$tmp/index.html"
printf 'User-agent: *' > "$tmp/robots.txt"
kubectl create configmap api-pages -n $ns --from-file=index.html="$tmp/index.html" --from-file=robots.txt="$tmp/robots.txt"
kubectl apply -n $ns -f - <<'YAML'
apiVersion: v1
kind: Secret
metadata:
  name: api-token
type: Opaque
stringData:
  token: "wh-7f3a9c"
YAML
cat > "$tmp/wiring.yaml" <<'YAML'
spec:
  template:
    spec:
      volumes:
        - name: site
          configMap:
            name: api-pages
            items:
              - path: index.html
                key: index.html
      containers:
        - name: api
          volumeMounts:
            - mountPath: /usr/share/nginx/html
              name: site
          env:
            - name: API_TOKEN
              valueFrom:
                secretKeyRef:
                  key: token
                  name: api-token
          envFrom:
            - configMapRef:
                name: api-config
YAML
kubectl patch deployment api -n $ns --patch-file="$tmp/wiring.yaml"
kubectl rollout status deployment/api -n $ns --timeout=60s
