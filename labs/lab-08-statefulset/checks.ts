// Checks for lab-08. The StatefulSet's promises are all visible in the API: claims named after
// each Pod, host names published in the headless Service's EndpointSlices, and the controller's
// own events when it recreates a Pod. Only "the data is really still there" needs real nodes.
import { defineChecks, match, matching, observe, phrase, podReady, some, type KObject } from '../../checker/index.ts';

const CLAIMS = ['data-db-0', 'data-db-1', 'data-db-2'];

/** Events the StatefulSet controller wrote about this StatefulSet (not an earlier one of the same name). */
async function createEvents(list: (v: string, k: string, o: { fieldSelector: string }) => Promise<KObject[]>, sts: KObject): Promise<KObject[]> {
  const events = await list('v1', 'Event', { fieldSelector: 'involvedObject.kind=StatefulSet,involvedObject.name=db,reason=SuccessfulCreate' });
  return events.filter((e) => e.involvedObject?.uid === sts.metadata.uid);
}

/** How many times an event with this message happened (repeats are folded into one event's count). */
const times = (events: KObject[], re: RegExp) => events.filter((e) => re.test(String(e.message ?? ''))).reduce((n, e) => n + (e.count ?? e.series?.count ?? 1), 0);

export default defineChecks({
  'headless-service': async ({ get }) => {
    const svc = await get('v1', 'Service', 'db');
    return match(svc, { spec: { clusterIP: 'None', selector: { app: 'db' }, ports: some({ port: 8080 }) } });
  },

  // The shape of the StatefulSet, and one Bound claim per replica it made (three, before the scale-down).
  statefulset: async ({ get }) => {
    const sts = await get('apps/v1', 'StatefulSet', 'db');
    const claims = await Promise.all(CLAIMS.map((name) => get('v1', 'PersistentVolumeClaim', name)));
    const container = (sts?.spec?.template?.spec?.containers ?? []).find((c: KObject) => c.image === 'busybox:1.36');
    const command = container ? [...(container.command ?? []), ...(container.args ?? [])].join(' ') : undefined;
    return [
      ...match(sts, {
        spec: {
          template: {
            metadata: { labels: { app: 'db' } },
            spec: { containers: some({ image: 'busybox:1.36', volumeMounts: some({ name: 'data', mountPath: '/data' }) }) },
          },
          volumeClaimTemplates: some({ metadata: { name: 'data' }, spec: { accessModes: some('ReadWriteOnce'), resources: { requests: { storage: '1Gi' } } } }),
        },
      }),
      ...(container ? observe(sts, 'spec.template.spec.containers[*].command', phrase('matching', { pattern: '/httpd/' }), command || undefined, { ok: /\bhttpd\b/.test(command ?? '') }) : []),
      ...claims.flatMap((c) => match(c, { status: { phase: 'Bound' } })),
    ];
  },

  // db-0.db resolves when the Service is headless and the Pods' subdomain (the StatefulSet's
  // serviceName) is that Service: the EndpointSlice controller then publishes their host names.
  'stable-names': async ({ get, list }) => {
    const [sts, svc, slices] = await Promise.all([
      get('apps/v1', 'StatefulSet', 'db'),
      get('v1', 'Service', 'db'),
      list('discovery.k8s.io/v1', 'EndpointSlice', { labelSelector: 'kubernetes.io/service-name=db' }),
    ]);
    const hostnames = [...new Set(slices.flatMap((s) => s.endpoints ?? []).map((e: { hostname?: string }) => e.hostname).filter(Boolean))].sort();
    const want = ['db-0', 'db-1'];
    return [
      ...match(sts, { spec: { serviceName: 'db' } }),
      ...match(svc, { spec: { clusterIP: 'None' } }),
      ...observe(slices, 'endpoints[*].hostname', want.join(', '), hostnames.join(', ') || undefined, { ok: want.every((h) => hostnames.includes(h)), settling: true }),
    ];
  },

  // The controller records each Pod and claim it creates: db-0 created twice, its claim at most once.
  'pod-recreated': async ({ get, list }) => {
    const [sts, pod] = await Promise.all([get('apps/v1', 'StatefulSet', 'db'), get('v1', 'Pod', 'db-0')]);
    if (!sts) return [];
    const events = await createEvents(list, sts);
    return [
      ...observe(sts, 'events[create Pod db-0]', phrase('atLeast', { value: 2 }), times(events, /create pod db-0 /i), { ok: times(events, /create pod db-0 /i) >= 2, settling: true }),
      // Zero is fine too: a StatefulSet created again (to change serviceName, say) reuses the claims.
      ...observe(sts, 'events[create Claim data-db-0]', phrase('atMost', { value: 1 }), times(events, /create claim data-db-0 /i), { ok: times(events, /create claim data-db-0 /i) <= 1 }),
      ...match(pod, { spec: { volumes: some({ name: 'data', persistentVolumeClaim: { claimName: 'data-db-0' } }) } }),
    ];
  },

  // Scaled through the StatefulSet: db-2 is gone for good, its claim is kept.
  'scaled-down': async ({ get, find }) => {
    const [sts, db2, claim] = await Promise.all([get('apps/v1', 'StatefulSet', 'db'), find('v1', 'Pod', 'db-2'), get('v1', 'PersistentVolumeClaim', 'data-db-2')]);
    return [
      ...match(sts, { spec: { replicas: 2 }, status: { replicas: 2 } }),
      ...observe(sts, 'pods[db-2]', phrase('nothing'), db2 ? 'pod/db-2' : phrase('nothing'), { ok: !db2, settling: true }),
      ...match(claim, { status: { phase: 'Bound' } }),
    ];
  },

  // Needs real containers: on the simulated cluster every Pod is ready whatever it runs.
  'pods-serving': async ({ get, list }) => {
    const [db0, db1, slices] = await Promise.all([get('v1', 'Pod', 'db-0'), get('v1', 'Pod', 'db-1'), list('discovery.k8s.io/v1', 'EndpointSlice', { labelSelector: 'kubernetes.io/service-name=db' })]);
    const ready = slices.flatMap((s) => s.endpoints ?? []).filter((e: { conditions?: { ready?: boolean } }) => e.conditions?.ready === true).length;
    return [...podReady(db0), ...podReady(db1), ...observe(slices, 'endpoints[ready]', 2, ready, { settling: true })];
  },
});
