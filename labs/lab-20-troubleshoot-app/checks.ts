// Checks for lab-20, clause by clause (lab.yaml `clauses`). On the simulated cluster probes never
// run and commands never exit, so the API-level checks read what the kubelet would act on: where
// each probe knocks (named ports resolved as the kubelet resolves them; HTTP, not HTTPS or a bare
// TCP connect), where QUEUE_URL comes from (env over envFrom, as the kubelet builds it), that the
// worker's command is the one it was given, and that both Deployments are the ones given (same
// uid). Ready and restart counts are graded on real nodes only.
import { defineChecks, exactly, image, match, observe, phrase, podReady, sameObject, type KObject } from '../../checker/index.ts';

/** What a stock nginx answers with 200. */
const NGINX_PATHS = ['/', '/index.html'];
/** The worker's script as the setup gives it (compared with runs of white space made one). */
const WORKER_SCRIPT = `if [ -z "$QUEUE_URL" ]; then
  echo "fatal: QUEUE_URL is not set, cannot connect to the queue" >&2
  exit 3
fi
echo "worker connected to $QUEUE_URL"
while true; do sleep 30; done
`;
const squash = (s: string) => s.replace(/\s+/g, ' ').trim();

interface Probe {
  httpGet?: { port?: number | string; path?: string; scheme?: string; host?: string };
  tcpSocket?: { port?: number | string };
  exec?: unknown;
  grpc?: unknown;
}
interface Container {
  name: string;
  image?: string;
  ports?: { name?: string; containerPort: number }[];
  livenessProbe?: Probe;
  readinessProbe?: Probe;
  command?: string[];
  args?: string[];
  env?: { name: string; value?: string; valueFrom?: { configMapKeyRef?: { name?: string; key?: string } } }[];
  envFrom?: { configMapRef?: { name?: string }; secretRef?: { name?: string }; prefix?: string }[];
}

const container = (d: KObject, name: string): Container | undefined => d.spec?.template?.spec?.containers?.find((c: Container) => c.name === name);

function events(list: (a: string, k: string, o?: { fieldSelector?: string }) => Promise<KObject[]>, name: string): Promise<KObject[]> {
  return list('v1', 'Event', { fieldSelector: `involvedObject.name=${name}` });
}

/** One probe, clause by clause: kept, HTTP, port 80, a path nginx serves. */
function probeObservations(shop: KObject, c: Container, which: 'livenessProbe' | 'readinessProbe') {
  const probe = c[which];
  const path = `spec.template.spec.containers[shop].${which}`;
  // probes-kept
  if (!probe) return observe(shop, path, phrase('present'), phrase('absent'), { ok: false });
  const handler = probe.httpGet ? 'httpGet' : probe.tcpSocket ? 'tcpSocket' : probe.exec ? 'exec' : probe.grpc ? 'grpc' : phrase('absent');
  const http = probe.httpGet;
  const scheme = http?.scheme ?? 'HTTP';
  // http: an HTTP GET, scheme HTTP, to the Pod itself (no host)
  const httpObs = observe(shop, http ? `${path}.httpGet.scheme` : path, http ? 'HTTP' : 'httpGet', http ? `${scheme}${http.host ? ` (host ${http.host})` : ''}` : handler, {
    ok: !!http && scheme === 'HTTP' && !http.host,
  });
  if (!http) return httpObs;
  const raw = http.port;
  const port = typeof raw === 'string' ? (c.ports?.find((p) => p.name === raw)?.containerPort ?? `${raw} (no such port)`) : raw;
  const route = http.path ?? '/';
  return [
    httpObs,
    // port: the number, or a name resolved against the container's ports
    observe(shop, `${path}.httpGet.port`, 80, port ?? phrase('absent')),
    // path
    observe(shop, `${path}.httpGet.path`, phrase('oneOf', { values: NGINX_PATHS.join(', ') }), route, { ok: NGINX_PATHS.includes(route) }),
  ];
}

/** Where the container's QUEUE_URL comes from, as the kubelet builds the environment (env wins over envFrom). */
function queueUrlSource(c: Container | undefined): { configMap?: string; key?: string; literal?: string } | undefined {
  const env = [...(c?.env ?? [])].reverse().find((e) => e.name === 'QUEUE_URL');
  if (env) return env.valueFrom?.configMapKeyRef ? { configMap: env.valueFrom.configMapKeyRef.name, key: env.valueFrom.configMapKeyRef.key } : { literal: env.value ?? '' };
  const from = [...(c?.envFrom ?? [])].reverse().find((f) => f.configMapRef && (f.prefix ?? '') === '' );
  const prefixed = (c?.envFrom ?? []).find((f) => f.configMapRef && f.prefix && 'QUEUE_URL'.startsWith(f.prefix));
  if (from) return { configMap: from.configMapRef!.name, key: 'QUEUE_URL' };
  if (prefixed) return { configMap: prefixed.configMapRef!.name, key: 'QUEUE_URL'.slice(prefixed.prefix!.length) };
  return undefined;
}

export default defineChecks({
  'shop-probes-fixed': async ({ get, list }) => {
    const shop = await get('apps/v1', 'Deployment', 'shop');
    if (!shop) return [];
    const c = container(shop, 'shop');
    return [
      // same-deployment
      sameObject(shop, await events(list, 'shop')),
      // replicas, container
      match(shop, { spec: { replicas: 2, template: { spec: { containers: exactly([{ name: 'shop', image: image('nginx:1.27') }]) } } } }),
      // probes-kept, http, port, path — for each probe
      c ? [probeObservations(shop, c, 'livenessProbe'), probeObservations(shop, c, 'readinessProbe')] : [],
    ];
  },

  'worker-fixed': async ({ get, find, list }) => {
    const worker = await get('apps/v1', 'Deployment', 'worker');
    if (!worker) return [];
    const c = container(worker, 'worker');
    const source = queueUrlSource(c);
    const cm = source?.configMap ? await find('v1', 'ConfigMap', source.configMap) : undefined;
    const value = source?.literal ?? (source?.key ? cm?.data?.[source.key] : undefined);
    const spelled = !source ? phrase('absent') : source.literal !== undefined ? `value: ${source.literal}` : `configmap/${source.configMap} key ${source.key}`;
    const command = c?.command ?? [];
    return [
      // same-deployment
      sameObject(worker, await events(list, 'worker')),
      // env: QUEUE_URL set, from a key that exists
      observe(worker, 'spec.template.spec.containers[worker] env QUEUE_URL (its value)', phrase('present'), spelled, {
        ok: !!value,
      }),
      // from-configmap: from worker-config itself, not a copied literal or another ConfigMap
      source && value
        ? observe(worker, 'spec.template.spec.containers[worker] env QUEUE_URL source', 'configmap/worker-config', source.configMap ? `configmap/${source.configMap}` : spelled, {
            ok: source.configMap === 'worker-config',
          })
        : [],
      // command-unchanged
      observe(worker, 'spec.template.spec.containers[worker].command', `sh -c ${squash(WORKER_SCRIPT)}`, command.length ? squash(command.join(' ')) : phrase('absent'), {
        ok: command.length === 3 && command[0] === 'sh' && command[1] === '-c' && squash(command[2]) === squash(WORKER_SCRIPT) && !c?.args?.length,
      }),
    ];
  },

  rca: async ({ get }) => {
    const rca = await get('v1', 'ConfigMap', 'rca');
    if (!rca) return [];
    const want: Record<string, string> = { 'shop-liveness': 'wrong-port', 'shop-readiness': 'wrong-path', worker: 'missing-env', 'worker-exit-code': '3' };
    // Answers compared trimmed and in any case: `echo 3 > worker-exit-code` and --from-file leave a newline.
    return Object.entries(want).map(([key, answer]) => {
      const found = rca.data?.[key];
      return observe(rca, `data["${key}"]`, answer, found ?? phrase('absent'), { ok: typeof found === 'string' && found.trim().toLowerCase() === answer });
    });
  },

  // Needs real containers: probes run and processes exit only on real nodes. Pods on their way out
  // (an old ReplicaSet's) are not counted.
  'all-healthy': async ({ list }) => {
    const pods = (await list('v1', 'Pod')).filter((p) => !p.metadata.deletionTimestamp && ['shop', 'worker'].includes(p.metadata.labels?.app ?? ''));
    return [
      observe(pods, 'pods (shop and worker)', 3, pods.length, { settling: true }),
      ...pods.flatMap((p) => podReady(p)),
      ...pods.map((p) => {
        const restarts = (p.status?.containerStatuses ?? []).reduce((n: number, s: { restartCount?: number }) => n + (s.restartCount ?? 0), 0);
        return observe(p, 'status.containerStatuses[].restartCount', 0, restarts, { settling: true })[0];
      }),
    ];
  },
});
