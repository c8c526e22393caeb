// Checks for lab-11. The Service is graded by what it does, worked out from API objects the way
// the EndpointSlice controller works it out: which Pods its selector picks, and which container
// port its targetPort lands on (a named targetPort is looked up on the Pod's container ports).
// Each task grades its own clauses (lab.yaml), so a mistake is blamed on the task it breaks:
// selector-fixed owns the port's name, the Service's identity and the Deployments' labels;
// port-fixed owns the port numbers and the api container's ports; node-port owns type and nodePort.
// Real traffic is graded on real nodes only (the Job smoke).
import { defineChecks, jobComplete, match, matchesSelector, observe, phrase, sameImage, type KObject, type Observation } from '../../checker/index.ts';
import { deepEqual } from '../../checker/checks/match.ts';

const LAB = 'wheelhouse.dev/lab';
const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';

/** The Deployments as the start made them: the Pods are right, only the Service is wrong. */
const START = {
  api: { replicas: 2, labels: { app: 'api', tier: 'backend', [LAB]: 'lab-11' } },
  worker: { replicas: 1, labels: { app: 'worker', tier: 'backend', [LAB]: 'lab-11' } },
} as const;

type Port = { name?: string; port: number; protocol?: string; targetPort?: number | string; nodePort?: number };
type ContainerPort = { name?: string; containerPort: number; protocol?: string };

const live = (pods: KObject[]) => pods.filter((p) => !p.metadata.deletionTimestamp);

/** The Service's port the tasks talk about: the one named http, else 80, else the only one. */
function httpPort(svc: KObject): Port | undefined {
  const ports: Port[] = svc.spec?.ports ?? [];
  return ports.find((p) => p.name === 'http') ?? ports.find((p) => p.port === 80) ?? (ports.length === 1 ? ports[0] : undefined);
}

/** "deployment/api ×2, deployment/worker ×1": what a selector catches, grouped by the Pods' app label. */
function describePods(pods: KObject[]): unknown {
  if (pods.length === 0) return phrase('noItems');
  const byApp = new Map<string, number>();
  for (const p of pods) byApp.set(p.metadata.labels?.app ?? '?', (byApp.get(p.metadata.labels?.app ?? '?') ?? 0) + 1);
  return [...byApp].map(([app, n]) => `deployment/${app} ×${n}`).join(', ');
}

/** deployments-untouched: each Deployment keeps its replicas and the labels of its Pods. */
function deploymentUntouched(dep: KObject | undefined, start: (typeof START)[keyof typeof START]): Observation[] {
  if (!dep) return [];
  return [
    ...observe(dep, 'spec.replicas', start.replicas, dep.spec?.replicas),
    ...observe(dep, 'spec.template.metadata.labels', start.labels, dep.spec?.template?.metadata?.labels ?? {}, { ok: deepEqual(dep.spec?.template?.metadata?.labels ?? {}, start.labels) }),
  ];
}

export default defineChecks({
  // selects-api-pods, no-other-pod (and the EndpointSlice lists both as ready), deployments-untouched,
  // in-place, port-name-http.
  'selector-fixed': async ({ get, list }) => {
    const [svc, api, worker] = await Promise.all([get('v1', 'Service', 'api'), get('apps/v1', 'Deployment', 'api'), get('apps/v1', 'Deployment', 'worker')]);
    const untouched = [deploymentUntouched(api, START.api), deploymentUntouched(worker, START.worker)];
    if (!svc) return untouched;
    const pods = live(await list('v1', 'Pod'));
    const selector: Record<string, string> = svc.spec?.selector ?? {};
    // A Service without a selector gets no endpoints from the controller: it selects nothing.
    const selected = Object.keys(selector).length ? pods.filter((p) => matchesSelector({ matchLabels: selector }, p.metadata.labels ?? {})) : [];
    const apiPods = pods.filter((p) => matchesSelector({ matchLabels: { app: 'api' } }, p.metadata.labels ?? {}));
    const shown = Object.entries(selector).map(([k, v]) => `${k}=${v}`).join(',') || '-';
    const others = selected.filter((p) => !apiPods.includes(p));
    const missed = apiPods.filter((p) => !selected.includes(p));

    // in-place: the setup applies its objects client-side, so the Service it made carries kubectl's
    // last-applied annotation, and nothing that changes it in place (patch, edit, set, apply,
    // replace) takes it away. A Service made again with expose, create or create -f has none.
    const setupMark = api?.metadata.annotations?.[LAST_APPLIED] !== undefined;
    const recreated = setupMark && svc.metadata.annotations?.[LAST_APPLIED] === undefined;

    const slices = await list('discovery.k8s.io/v1', 'EndpointSlice', { labelSelector: 'kubernetes.io/service-name=api' });
    const ready = slices.flatMap((s) => s.endpoints ?? []).filter((e: { conditions?: { ready?: boolean } }) => e.conditions?.ready === true).length;
    return [
      observe(svc, 'metadata.uid', phrase('startingObject'), recreated ? phrase('recreatedObject') : phrase('startingObject'), { ok: !recreated }),
      observe(svc, 'spec.ports[].name', 'http', (svc.spec?.ports ?? []).map((p: Port) => p.name ?? '-').join(', '), { ok: (svc.spec?.ports ?? []).some((p: Port) => p.name === 'http') }),
      untouched,
      observe(svc, `spec.selector (${shown}) → deployment/api Pods`, describePods(apiPods), describePods(apiPods.filter((p) => selected.includes(p))), { ok: apiPods.length > 0 && missed.length === 0 }),
      observe(svc, `spec.selector (${shown}) → other Pods`, phrase('noItems'), describePods(others), { ok: others.length === 0 }),
      // Written by the EndpointSlice controller a moment after the selector changes.
      observe(slices, 'endpoints[ready]', 2, ready, { settling: true }),
    ];
  },

  // target-listens, port-80, container-untouched.
  'port-fixed': async ({ get }) => {
    const [svc, dep] = await Promise.all([get('v1', 'Service', 'api'), get('apps/v1', 'Deployment', 'api')]);
    if (!svc || !dep) return [];
    const port = httpPort(svc);
    const container = (dep.spec?.template?.spec?.containers ?? []).find((c: { name: string }) => c.name === 'api');
    const containerPorts: ContainerPort[] = container?.ports ?? [];
    // The API server fills targetPort with port when it is left out.
    const target = port?.targetPort ?? port?.port;
    const resolved = typeof target === 'string' ? containerPorts.find((p) => p.name === target)?.containerPort : target;
    const found = port === undefined ? phrase('noItems') : typeof target === 'string' ? (resolved === undefined ? `${target} → ?` : `${target} → ${resolved}`) : resolved;
    const shownPorts = containerPorts.map((p) => ({ name: p.name, containerPort: p.containerPort, protocol: p.protocol ?? 'TCP' }));
    return [
      observe(svc, 'spec.ports[http].port', 80, port?.port ?? phrase('noItems')),
      // nginx listens on 80 whatever containerPort says: the port it lands on is decided against 80.
      observe(svc, 'spec.ports[http].targetPort', phrase('oneOf', { values: '80, http' }), found, { ok: resolved === 80 }),
      // Changing the container to match the Service is no fix: containerPort only documents the port.
      observe(dep, 'spec.template.spec.containers[api].ports', [{ name: 'http', containerPort: 80, protocol: 'TCP' }], shownPorts, {
        ok: deepEqual(shownPorts, [{ name: 'http', containerPort: 80, protocol: 'TCP' }]),
      }),
    ];
  },

  // type-nodeport, node-port-30080.
  'node-port': async ({ get }) => {
    const svc = await get('v1', 'Service', 'api');
    if (!svc) return [];
    const port = httpPort(svc);
    return [match(svc, { spec: { type: 'NodePort' } }), observe(svc, 'spec.ports[http].nodePort', 30080, port?.nodePort ?? phrase('absent'))];
  },

  // job-smoke, image, fetches-api (the Service's DNS name, short or long), completes.
  // Needs real containers: on the simulated cluster every Job completes, whatever it fetched.
  'smoke-test': async ({ get }) => {
    const job = await get('batch/v1', 'Job', 'smoke');
    if (!job) return [];
    const containers: { image?: string; command?: string[]; args?: string[] }[] = job.spec?.template?.spec?.containers ?? [];
    const commandLine = containers.map((c) => [...(c.command ?? []), ...(c.args ?? [])].join(' ')).join('; ');
    return [
      observe(job, 'spec.template.spec.containers[].image', 'busybox:1.36', containers.map((c) => c.image).join(', '), { ok: containers.some((c) => sameImage(c.image, 'busybox:1.36')) }),
      observe(job, 'spec.template.spec.containers[].command', 'http://api', commandLine || phrase('absent'), { ok: /\bhttps?:\/\/api(\.lab-11(\.svc(\.cluster\.local)?)?)?(:80)?(\/|\s|'|"|;|$)/.test(commandLine) }),
      jobComplete(job),
    ];
  },
});
