// Checks for lab-18. Pod Security Admission is real on both clusters: the ReplicaSet's creates are
// refused until the template complies, and each check also asks the API server to dry-run a Pod
// made from the current template, so the verdict is admission's own. The namespace must still
// enforce restricted: relabelling it is not a fix.
import { defineChecks, match, observe, podReady, rolloutComplete, some, type KObject } from '../../checker/index.ts';

const web = (d: KObject | undefined) => d?.spec?.template?.spec?.containers?.find((c: { name: string }) => c.name === 'web');

/** A container setting, or the Pod's where the container does not set it (as the kubelet decides). */
function effective(d: KObject, field: 'runAsNonRoot' | 'seccompProfile'): unknown {
  return web(d)?.securityContext?.[field] ?? d.spec.template.spec.securityContext?.[field];
}

export default defineChecks({
  'pods-created': async ({ get, admits }) => {
    const [legacy, ns] = await Promise.all([get('apps/v1', 'Deployment', 'legacy'), get('v1', 'Namespace', 'lab-18')]);
    if (!legacy) return [];
    const pod: KObject = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'legacy-dry-run', labels: legacy.spec.template.metadata?.labels }, spec: legacy.spec.template.spec };
    return [
      match(ns, { metadata: { labels: { 'pod-security.kubernetes.io/enforce': 'restricted' } } }),
      match(legacy, { spec: { replicas: 2, template: { metadata: { labels: { app: 'legacy' } }, spec: { containers: some({ name: 'web' }) } } } }),
      await admits(pod),
      rolloutComplete(legacy),
    ];
  },

  'restricted-fields': async ({ get }) => {
    const legacy = await get('apps/v1', 'Deployment', 'legacy');
    if (!legacy) return [];
    const sc = web(legacy)?.securityContext ?? {};
    const drops: string[] = sc.capabilities?.drop ?? [];
    return [
      observe(legacy, 'runAsNonRoot (container, else Pod)', true, effective(legacy, 'runAsNonRoot') ?? 'not set'),
      observe(legacy, 'seccompProfile.type (container, else Pod)', 'RuntimeDefault', (effective(legacy, 'seccompProfile') as { type?: string } | undefined)?.type ?? 'not set'),
      match(legacy, { spec: { template: { spec: { containers: some({ name: 'web', securityContext: { allowPrivilegeEscalation: false } }) } } } }),
      observe(legacy, 'containers[web].securityContext.capabilities.drop', 'ALL', drops.length ? drops.join(', ') : 'nothing', { ok: drops.includes('ALL') }),
    ];
  },

  'unprivileged-readonly': async ({ get }) => {
    const legacy = await get('apps/v1', 'Deployment', 'legacy');
    if (!legacy) return [];
    const tmp = (web(legacy)?.volumeMounts ?? []).find((m: { mountPath: string }) => m.mountPath.replace(/\/$/, '') === '/tmp');
    const volume = (legacy.spec.template.spec.volumes ?? []).find((v: { name: string }) => v.name === tmp?.name);
    return [
      match(legacy, {
        spec: {
          template: {
            spec: {
              containers: some({ name: 'web', image: 'nginxinc/nginx-unprivileged:1.27', ports: some({ containerPort: 8080 }), securityContext: { readOnlyRootFilesystem: true } }),
            },
          },
        },
      }),
      observe(legacy, 'volume mounted at /tmp', 'emptyDir', !tmp ? 'nothing mounted at /tmp' : volume?.emptyDir ? 'emptyDir' : `volume ${tmp.name} is not an emptyDir`),
    ];
  },

  // Needs real containers: a kubelet refuses a root image under runAsNonRoot, and nginx fails on a
  // read-only root without /tmp; the simulated nodes do neither.
  'pods-running': async ({ get, list }) => {
    const legacy = await get('apps/v1', 'Deployment', 'legacy');
    const pods = await list('v1', 'Pod', { labelSelector: 'app=legacy' });
    return [match(legacy, { status: { readyReplicas: 2 } }), ...pods.flatMap((p) => podReady(p))];
  },
});
