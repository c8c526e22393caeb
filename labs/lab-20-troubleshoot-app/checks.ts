// Checks for lab-20. On the simulated cluster probes never run and commands never exit, so the
// API-level checks read what the kubelet would act on: where each probe knocks (named ports
// resolved as the kubelet resolves them), where QUEUE_URL comes from, and that the worker's
// command is the one it was given. Ready and restart counts are graded on real nodes only.
import { defineChecks, match, matching, observe, podReady, rolloutComplete, some, type KObject } from '../../checker/index.ts';

/** What a stock nginx answers with 200. */
const NGINX_PATHS = ['/', '/index.html'];
const WORKER_COMMAND = ['sh', '-c'];

type Container = { name: string; ports?: { name?: string; containerPort: number }[]; [k: string]: any };
const container = (d: KObject, name: string): Container | undefined => d.spec?.template?.spec?.containers?.find((c: Container) => c.name === name);

/** A probe in words, with a named port resolved against the container's ports. */
function probeTarget(c: Container, probe: any): { text: string; ok: boolean } {
  if (!probe) return { text: 'no probe', ok: false };
  const port = (p: unknown) => (typeof p === 'string' ? (c.ports?.find((x) => x.name === p)?.containerPort ?? `${p} (no such port)`) : p);
  if (probe.httpGet) {
    const p = port(probe.httpGet.port);
    const path = probe.httpGet.path ?? '/';
    return { text: `httpGet port ${p} path ${path}`, ok: p === 80 && NGINX_PATHS.includes(path) };
  }
  if (probe.tcpSocket) {
    const p = port(probe.tcpSocket.port);
    return { text: `tcpSocket port ${p}`, ok: p === 80 };
  }
  return { text: probe.exec ? 'an exec probe' : 'another kind of probe', ok: false };
}

const WANT_PROBE = 'httpGet on port 80 at a path nginx serves (/ or /index.html), or tcpSocket on port 80';

export default defineChecks({
  'shop-probes-fixed': async ({ get }) => {
    const shop = await get('apps/v1', 'Deployment', 'shop');
    if (!shop) return [];
    const c = container(shop, 'shop');
    const liveness = c ? probeTarget(c, c.livenessProbe) : { text: 'no container shop', ok: false };
    const readiness = c ? probeTarget(c, c.readinessProbe) : { text: 'no container shop', ok: false };
    return [
      match(shop, { spec: { replicas: 2, template: { spec: { containers: some({ name: 'shop', image: 'nginx:1.27' }) } } } }),
      observe(shop, 'containers[shop].livenessProbe', WANT_PROBE, liveness.text, { ok: liveness.ok }),
      observe(shop, 'containers[shop].readinessProbe', WANT_PROBE, readiness.text, { ok: readiness.ok }),
      rolloutComplete(shop),
    ];
  },

  'worker-fixed': async ({ get }) => {
    const worker = await get('apps/v1', 'Deployment', 'worker');
    if (!worker) return [];
    const c = container(worker, 'worker');
    const fromEnv = c?.env?.find((e: { name: string }) => e.name === 'QUEUE_URL');
    const ref = fromEnv?.valueFrom?.configMapKeyRef;
    const viaEnvFrom = (c?.envFrom ?? []).some((f: { configMapRef?: { name: string }; prefix?: string }) => f.configMapRef?.name === 'worker-config' && !f.prefix);
    const source = ref ? `configMapKeyRef ${ref.name}/${ref.key}` : fromEnv ? (fromEnv.value !== undefined ? 'a literal value' : 'another source') : viaEnvFrom ? 'envFrom worker-config' : 'not set';
    const ok = (ref?.name === 'worker-config' && ref?.key === 'QUEUE_URL') || (!fromEnv && viaEnvFrom);
    const command: string[] = c?.command ?? [];
    return [
      match(worker, { spec: { replicas: 1, template: { spec: { containers: some({ name: 'worker', image: 'busybox:1.36' }) } } } }),
      observe(worker, 'containers[worker] QUEUE_URL', 'from configmap/worker-config key QUEUE_URL', ok ? 'from configmap/worker-config key QUEUE_URL' : source),
      // The program is not the problem: the same shell script, still refusing to run without QUEUE_URL.
      observe(worker, 'containers[worker].command', 'the original command (sh -c, checking QUEUE_URL)', command.slice(0, 2).join(' ') === WORKER_COMMAND.join(' ') && /QUEUE_URL is not set/.test(command[2] ?? '') ? 'the original command (sh -c, checking QUEUE_URL)' : command.join(' ').slice(0, 60) || 'none'),
      rolloutComplete(worker),
    ];
  },

  rca: async ({ get }) => {
    const word = (w: string) => matching(new RegExp(`^\\s*${w}\\s*$`, 'i'));
    return match(await get('v1', 'ConfigMap', 'rca'), {
      data: { 'shop-liveness': word('wrong-port'), 'shop-readiness': word('wrong-path'), worker: word('missing-env'), 'worker-exit-code': word('3') },
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
