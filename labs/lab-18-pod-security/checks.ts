// Checks for lab-18, clause by clause (lab.yaml `clauses`). Pod Security Admission is real on both
// clusters: the ReplicaSet's creates are refused until the template complies, so a missing
// restricted field is blamed on restricted-fields (pods-created depends on it). pods-created wants
// the Deployment given (same uid), the namespace still enforcing restricted, and two Pods of the
// newest ReplicaSet; readiness and the finished rollout are pods-running's, on real nodes.
// The container is `web`, or the only container when it was renamed (pods-created blames that).
import { defineChecks, exactly, match, observe, ownedBy, phrase, podReady, rolloutComplete, sameImage, sameObject, type KObject } from '../../checker/index.ts';

interface Container {
  name: string;
  image?: string;
  ports?: { containerPort?: number }[];
  securityContext?: Record<string, any>;
  volumeMounts?: { name: string; mountPath: string; readOnly?: boolean }[];
}

const containers = (d: KObject): Container[] => d.spec?.template?.spec?.containers ?? [];
const web = (d: KObject): Container | undefined => containers(d).find((c) => c.name === 'web') ?? (containers(d).length === 1 ? containers(d)[0] : undefined);
const at = (d: KObject, rest: string) => `spec.template.spec.containers[${web(d)?.name ?? 'web'}].${rest}`;

/** A container setting, or the Pod's where the container does not set it (as the kubelet decides). */
function effective(d: KObject, field: 'runAsNonRoot' | 'seccompProfile'): unknown {
  return web(d)?.securityContext?.[field] ?? d.spec?.template?.spec?.securityContext?.[field];
}

/** The ReplicaSet of the Deployment's current template: the one with the highest revision. */
function newest(sets: KObject[]): KObject | undefined {
  const rev = (rs: KObject) => Number(rs.metadata.annotations?.['deployment.kubernetes.io/revision'] ?? 0);
  return [...sets].sort((a, b) => rev(b) - rev(a))[0];
}

export default defineChecks({
  'pods-created': async ({ get, list, admits }) => {
    const [legacy, ns] = await Promise.all([get('apps/v1', 'Deployment', 'legacy'), get('v1', 'Namespace', 'lab-18')]);
    if (!legacy) return [];
    const [events, sets, pods] = await Promise.all([
      list('v1', 'Event', { fieldSelector: 'involvedObject.name=legacy' }),
      list('apps/v1', 'ReplicaSet'),
      list('v1', 'Pod'),
    ]);
    const current = newest(ownedBy(sets, legacy));
    const created = ownedBy(pods, current).filter((p) => !p.metadata.deletionTimestamp);
    const pod: KObject = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'legacy-dry-run', labels: legacy.spec.template.metadata?.labels }, spec: legacy.spec.template.spec };
    return [
      // still-restricted: enforce restricted, at the latest version (an absent version is latest)
      match(ns, { metadata: { labels: { 'pod-security.kubernetes.io/enforce': 'restricted' } } }),
      ns ? observe(ns, 'metadata.labels["pod-security.kubernetes.io/enforce-version"]', 'latest', ns.metadata.labels?.['pod-security.kubernetes.io/enforce-version'] ?? 'latest') : [],
      // same-deployment
      sameObject(legacy, events),
      // replicas, container-web
      match(legacy, { spec: { replicas: 2, template: { spec: { containers: exactly([{ name: 'web' }]) } } } }),
      // created: admission lets the template in, and the newest ReplicaSet has its two Pods
      await admits(pod),
      observe(pods, `pods of replicaset/${current?.metadata.name ?? '?'} (the current template)`, 2, created.length, { settling: true }),
    ];
  },

  'restricted-fields': async ({ get }) => {
    const legacy = await get('apps/v1', 'Deployment', 'legacy');
    if (!legacy) return [];
    const sc = web(legacy)?.securityContext ?? {};
    const drops: string[] = sc.capabilities?.drop ?? [];
    const adds: string[] = sc.capabilities?.add ?? [];
    return [
      // run-as-non-root, seccomp: the container's value, else the Pod's
      observe(legacy, 'runAsNonRoot (container, else Pod)', true, effective(legacy, 'runAsNonRoot') ?? phrase('absent')),
      observe(legacy, 'seccompProfile.type (container, else Pod)', 'RuntimeDefault', (effective(legacy, 'seccompProfile') as { type?: string } | undefined)?.type ?? phrase('absent')),
      // no-escalation
      observe(legacy, at(legacy, 'securityContext.allowPrivilegeEscalation'), false, sc.allowPrivilegeEscalation ?? phrase('absent')),
      // drop-all: ALL dropped, nothing added back
      observe(legacy, at(legacy, 'securityContext.capabilities.drop'), 'ALL', drops.length ? drops.join(', ') : phrase('absent'), { ok: drops.includes('ALL') }),
      observe(legacy, at(legacy, 'securityContext.capabilities.add'), phrase('absent'), adds.length ? adds.join(', ') : phrase('absent'), { ok: adds.length === 0 }),
    ];
  },

  'unprivileged-readonly': async ({ get }) => {
    const legacy = await get('apps/v1', 'Deployment', 'legacy');
    if (!legacy) return [];
    const c = web(legacy);
    const ports = (c?.ports ?? []).map((p) => p.containerPort);
    const tmp = (c?.volumeMounts ?? []).find((m) => m.mountPath.replace(/\/+$/, '') === '/tmp');
    const volume = (legacy.spec.template.spec.volumes ?? []).find((v: { name: string }) => v.name === tmp?.name);
    return [
      // image
      observe(legacy, at(legacy, 'image'), 'nginxinc/nginx-unprivileged:1.27', c?.image ?? phrase('absent'), { ok: sameImage(c?.image, 'nginxinc/nginx-unprivileged:1.27') }),
      // port: 8080, and 80 no more
      observe(legacy, at(legacy, 'ports[].containerPort'), '8080', ports.length ? ports.join(', ') : phrase('absent'), { ok: ports.length === 1 && ports[0] === 8080 }),
      // read-only
      observe(legacy, at(legacy, 'securityContext.readOnlyRootFilesystem'), true, c?.securityContext?.readOnlyRootFilesystem ?? phrase('absent')),
      // tmp-volume: an emptyDir mounted at /tmp
      observe(legacy, at(legacy, 'volumeMounts[/tmp] → volume.emptyDir'), 'emptyDir', !tmp ? phrase('absent') : volume?.emptyDir ? 'emptyDir' : Object.keys(volume ?? {}).filter((k) => k !== 'name').join(', ') || phrase('absent'), {
        ok: !!volume?.emptyDir,
      }),
      // tmp-writable
      tmp ? observe(legacy, at(legacy, 'volumeMounts[/tmp].readOnly'), false, tmp.readOnly ?? false) : [],
    ];
  },

  // Needs real containers: a kubelet refuses a root image under runAsNonRoot, and nginx fails on a
  // read-only root without /tmp; the simulated nodes do neither.
  'pods-running': async ({ get, list }) => {
    const legacy = await get('apps/v1', 'Deployment', 'legacy');
    if (!legacy) return [];
    const [sets, pods] = await Promise.all([list('apps/v1', 'ReplicaSet'), list('v1', 'Pod')]);
    const current = ownedBy(pods, newest(ownedBy(sets, legacy))).filter((p) => !p.metadata.deletionTimestamp);
    return [rolloutComplete(legacy), observe(pods, 'Pods of the current template', 2, current.length, { settling: true }), ...current.flatMap((p) => podReady(p))];
  },
});
