// Checks for lab-08 (clauses in lab.yaml). The StatefulSet's promises are all visible in the API:
// claims named after each Pod, host names published in the headless Service's EndpointSlices,
// and the controller's own events ("create Pod db-0 …", "create Claim data-db-0 …") for what it
// made and when. Only "the data is really still there" needs real nodes.
import { defineChecks, match, observe, phrase, podReady, sameImage, sameQuantity, type CheckContext, type KObject } from '../../checker/index.ts';

/** Events the StatefulSet controller wrote about a StatefulSet named db (`uid`: only that one). */
async function stsEvents({ list }: CheckContext, uid?: string): Promise<KObject[]> {
  const events = await list('v1', 'Event', { fieldSelector: 'involvedObject.kind=StatefulSet,involvedObject.name=db' });
  return uid ? events.filter((e) => e.involvedObject?.uid === uid) : events;
}

/** How many times an event with this message happened (repeats are folded into one event's count). */
const times = (events: KObject[], re: RegExp) => events.filter((e) => re.test(String(e.message ?? ''))).reduce((n, e) => n + (e.count ?? e.series?.count ?? 1), 0);

/** The command line the container runs, words split the way sh would for a plain `sh -c '…'`. */
function argv(c: any): string[] {
  let words: string[] = [...(c?.command ?? []), ...(c?.args ?? [])].map(String);
  if (words.length >= 3 && /(^|\/)(ba)?sh$/.test(words[0]) && words[1] === '-c') words = words.slice(2).join(' ').trim().split(/\s+/);
  if (words[0] === 'exec') words = words.slice(1);
  if (/(^|\/)busybox$/.test(words[0] ?? '')) words = words.slice(1);
  return words;
}

/** httpd in the foreground, on port 8080, serving /data — flags in any order. */
function servesData(words: string[]): boolean {
  if (!/(^|\/)httpd$/.test(words[0] ?? '')) return false;
  const flags = words.slice(1);
  const value = (flag: string) => {
    const i = flags.indexOf(flag);
    return i >= 0 ? flags[i + 1] : undefined;
  };
  const port = value('-p');
  const home = value('-h');
  return flags.includes('-f') && !!port && /^(?:(?:0\.0\.0\.0)?:)?8080$/.test(port) && !!home && home.replace(/\/+$/, '') === '/data';
}

const normPath = (p: unknown) => (typeof p === 'string' ? p.replace(/\/+$/, '') || '/' : p);
const selectorIsAppDb = (sel: any) => {
  const reqs = [
    ...Object.entries(sel?.matchLabels ?? {}).map(([k, v]) => `${k}=${v}`),
    ...(sel?.matchExpressions ?? []).map((e: any) => (e.operator === 'In' && e.values?.length === 1 ? `${e.key}=${e.values[0]}` : `${e.key} ${e.operator} ${e.values ?? ''}`)),
  ];
  return [...new Set(reqs)].join(',') === 'app=db';
};

export default defineChecks({
  'headless-service': async ({ get }) => {
    const [svc, sts] = await Promise.all([get('v1', 'Service', 'db'), get('apps/v1', 'StatefulSet', 'db')]);
    if (!svc) return [];
    const ports: any[] = svc.spec?.ports ?? [];
    // targetPort may be left out (= port), a number, or the name of the Pods' container port.
    const named = (name: string) => (sts?.spec?.template?.spec?.containers ?? []).flatMap((c: any) => c.ports ?? []).find((p: any) => p.name === name)?.containerPort;
    const target = (p: any) => (p.targetPort === undefined ? p.port : typeof p.targetPort === 'string' && !/^\d+$/.test(p.targetPort) ? (named(p.targetPort) ?? 8080) : Number(p.targetPort));
    const serving = ports.some((p) => p.port === 8080 && target(p) === 8080);
    return [
      ...match(svc, { spec: { clusterIP: 'None' } }),
      ...observe(svc, 'spec.selector (app=db alone)', { app: 'db' }, svc.spec?.selector ?? phrase('nothing')),
      ...observe(svc, 'spec.ports (port 8080 to the Pods\' port 8080)', '8080 -> 8080', ports.map((p) => `${p.port} -> ${p.targetPort ?? p.port}`).join(', ') || phrase('nothing'), { ok: serving }),
    ];
  },

  // The shape of the StatefulSet, and evidence that it ran three Pods (its event for db-2).
  statefulset: async (ctx) => {
    const { get, list } = ctx;
    const [sts, classes] = await Promise.all([get('apps/v1', 'StatefulSet', 'db'), list('storage.k8s.io/v1', 'StorageClass')]);
    if (!sts) return [];
    const events = await stsEvents(ctx);
    const containers: any[] = sts.spec?.template?.spec?.containers ?? [];
    const c = containers[0];
    const templates: any[] = sts.spec?.volumeClaimTemplates ?? [];
    const data = templates.find((t) => t.metadata?.name === 'data');
    const mount = (c?.volumeMounts ?? []).find((m: any) => m.name === 'data');
    const defaults = classes.filter((sc) => sc.metadata.annotations?.['storageclass.kubernetes.io/is-default-class'] === 'true').map((sc) => sc.metadata.name);
    const className = data?.spec?.storageClassName;
    const ranThree = sts.spec?.replicas === 3 || times(events, /^create Pod db-2 /i) > 0;
    const claims = await Promise.all(['data-db-0', 'data-db-1'].map((n) => get('v1', 'PersistentVolumeClaim', n)));
    return [
      ...observe(sts, 'spec.replicas (3; 2 after the scale-down, once db-2 has run)', 3, sts.spec?.replicas === 2 && !ranThree ? '2, and db-2 never ran' : sts.spec?.replicas, { ok: ranThree }),
      ...match(sts, { spec: { template: { metadata: { labels: { app: 'db' } } } } }),
      ...observe(sts, 'spec.selector (app=db)', 'app=db', sts.spec?.selector ?? phrase('nothing'), { ok: selectorIsAppDb(sts.spec?.selector) }),
      ...observe(sts, 'spec.template.spec.containers (one container)', 1, containers.length),
      ...observe(sts, 'spec.template.spec.containers[0].image', 'busybox:1.36', c?.image ?? phrase('nothing'), { ok: sameImage(c?.image, 'busybox:1.36') }),
      ...observe(sts, 'spec.template.spec.containers[0] command and args', 'httpd -f -p 8080 -h /data', argv(c).join(' ') || phrase('nothing'), { ok: servesData(argv(c)) }),
      ...observe(sts, 'spec.volumeClaimTemplates[*].metadata.name', 'data', templates.map((t) => t.metadata?.name), { ok: !!data }),
      ...observe(sts, 'spec.template.spec.containers[0].volumeMounts[data].mountPath', '/data', mount?.mountPath ?? phrase('nothing'), { ok: normPath(mount?.mountPath) === '/data' && !mount?.subPath }),
      ...(data
        ? [
            ...observe(sts, 'spec.volumeClaimTemplates[data].spec.resources.requests.storage', '1Gi', data.spec?.resources?.requests?.storage ?? phrase('nothing'), {
              ok: sameQuantity(data.spec?.resources?.requests?.storage, '1Gi'),
            }),
            ...observe(sts, 'spec.volumeClaimTemplates[data].spec.accessModes', ['ReadWriteOnce'], data.spec?.accessModes ?? phrase('nothing')),
            ...observe(sts, 'spec.volumeClaimTemplates[data].spec.storageClassName (the default class)', defaults.length ? defaults.join(', ') : phrase('absent'), className ?? phrase('absent'), {
              ok: className === undefined || className === null || defaults.includes(className),
            }),
          ]
        : []),
      ...claims.flatMap((claim) => match(claim, { status: { phase: 'Bound' } })),
    ];
  },

  // db-0.db resolves when the Service is headless and the Pods' subdomain (the StatefulSet's
  // serviceName) is that Service: the EndpointSlice controller then publishes their host names.
  'stable-names': async ({ get, list }) => {
    const [sts, slices] = await Promise.all([get('apps/v1', 'StatefulSet', 'db'), list('discovery.k8s.io/v1', 'EndpointSlice', { labelSelector: 'kubernetes.io/service-name=db' })]);
    const hostnames = [...new Set(slices.flatMap((s) => s.endpoints ?? []).map((e: { hostname?: string }) => e.hostname).filter(Boolean))].sort();
    const want = ['db-0', 'db-1'];
    return [
      ...match(sts, { spec: { serviceName: 'db' } }),
      ...observe(slices, 'endpoints[*].hostname', want.join(', '), hostnames.join(', ') || phrase('nothing'), { ok: want.every((h) => hostnames.includes(h)), settling: true }),
    ];
  },

  // The controller records each Pod and claim it creates: db-0 created twice by this StatefulSet,
  // its claim once (a StatefulSet created again, to change serviceName say, reuses the claims).
  'pod-recreated': async (ctx) => {
    const [sts, pod, claim] = await Promise.all([ctx.get('apps/v1', 'StatefulSet', 'db'), ctx.get('v1', 'Pod', 'db-0'), ctx.get('v1', 'PersistentVolumeClaim', 'data-db-0')]);
    if (!sts) return [];
    const [own, all] = await Promise.all([stsEvents(ctx, sts.metadata.uid), stsEvents(ctx)]);
    const podCreated = times(own, /^create Pod db-0 /i);
    const claimCreated = times(all, /^create Claim data-db-0 /i);
    const mounts = (pod?.spec?.volumes ?? []).filter((v: any) => v.persistentVolumeClaim?.claimName === 'data-db-0').length > 0;
    return [
      ...observe(sts, 'events "create Pod db-0" (deleted and made again)', phrase('atLeast', { value: 2 }), podCreated, { ok: podCreated >= 2, settling: true }),
      ...(pod ? observe(pod, 'spec.volumes[*].persistentVolumeClaim.claimName', 'data-db-0', (pod.spec?.volumes ?? []).map((v: any) => v.persistentVolumeClaim?.claimName).filter(Boolean), { ok: mounts }) : []),
      ...(claim ? observe(claim, 'events "create Claim data-db-0" (the same claim, never made again)', phrase('atMost', { value: 1 }), claimCreated, { ok: claimCreated <= 1 }) : []),
    ];
  },

  // Scaled through the StatefulSet: db-2 is gone for good, its claim is kept (the one made for it).
  'scaled-down': async (ctx) => {
    const [sts, db2, claim] = await Promise.all([ctx.get('apps/v1', 'StatefulSet', 'db'), ctx.find('v1', 'Pod', 'db-2'), ctx.get('v1', 'PersistentVolumeClaim', 'data-db-2')]);
    const claimCreated = times(await stsEvents(ctx), /^create Claim data-db-2 /i);
    const doomed = (claim?.metadata.ownerReferences ?? []).filter((r) => r.kind === 'Pod').map((r) => `pod/${r.name}`);
    return [
      ...match(sts, { spec: { replicas: 2 }, status: { replicas: 2 } }),
      ...observe(sts, 'pods[db-2]', phrase('nothing'), db2 ? 'pod/db-2' : phrase('nothing'), { ok: !db2, settling: true }),
      ...match(claim, { status: { phase: 'Bound' } }),
      ...(claim ? observe(claim, 'events "create Claim data-db-2" (the claim db-2 used, not a new one)', phrase('atMost', { value: 1 }), claimCreated, { ok: claimCreated <= 1 }) : []),
      // A claim handed to the garbage collector (owned by the Pod that went, or being deleted) is not kept.
      ...(claim
        ? observe(claim, 'metadata (kept: not being deleted, not owned by a Pod)', phrase('absent'), claim.metadata.deletionTimestamp ? `deletionTimestamp ${claim.metadata.deletionTimestamp}` : doomed.length ? `owned by ${doomed.join(', ')}` : phrase('absent'), {
            ok: !claim.metadata.deletionTimestamp && doomed.length === 0,
          })
        : []),
      ...(sts ? observe(sts, 'spec.persistentVolumeClaimRetentionPolicy.whenScaled (Retain: a scale-down keeps the claims)', 'Retain', sts.spec?.persistentVolumeClaimRetentionPolicy?.whenScaled ?? 'Retain') : []),
    ];
  },

  // Needs real containers: on the simulated cluster every Pod is ready whatever it runs.
  'pods-serving': async ({ get, list }) => {
    const [db0, db1, slices] = await Promise.all([get('v1', 'Pod', 'db-0'), get('v1', 'Pod', 'db-1'), list('discovery.k8s.io/v1', 'EndpointSlice', { labelSelector: 'kubernetes.io/service-name=db' })]);
    const ready = slices.flatMap((s) => s.endpoints ?? []).filter((e: { conditions?: { ready?: boolean } }) => e.conditions?.ready === true).length;
    return [...podReady(db0), ...podReady(db1), ...observe(slices, 'endpoints[ready]', 2, ready, { settling: true })];
  },
});
