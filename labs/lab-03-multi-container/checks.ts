// Checks for lab-03: the Pod's shape from its spec (any container names, one shared emptyDir), and
// on real nodes the init container's exit code and readiness.
import { absent, defineChecks, match, matching, observe, oneOf, phrase, podReady, some, type KObject } from '../../checker/index.ts';

const mounts = (name: string, path?: unknown) => some(path ? { name, mountPath: path } : { name });

/** Init containers that run to completion (a native sidecar has restartPolicy Always). */
const plainInit = { image: matching(/^busybox:1\.36(@|$)/), restartPolicy: absent(), volumeMounts: mounts('html') };

export default defineChecks({
  // The spec cannot prove what a shell command does, but an init container that never names
  // index.html (a `sleep 1`, say) surely does not write it.
  'init-page': async ({ get }) => {
    const pod = await get('v1', 'Pod', 'site');
    if (!pod) return [];
    const commands = (pod.spec?.initContainers ?? [])
      .filter((c: KObject) => c.restartPolicy !== 'Always')
      .map((c: KObject) => [...(c.command ?? []), ...(c.args ?? [])].join(' '));
    const writesPage = commands.some((c: string) => /index\.html/.test(c));
    return [
      ...match(pod, { spec: { volumes: some({ name: 'html', emptyDir: {} }), initContainers: some(plainInit) } }),
      ...observe(pod, 'spec.initContainers[*].command', phrase('matching', { pattern: '/index\\.html/' }), commands.join(' | ') || undefined, { ok: writesPage }),
    ];
  },

  'nginx-serves': async ({ get }) => {
    const pod = await get('v1', 'Pod', 'site');
    return match(pod, { spec: { containers: some({ image: 'nginx:1.27', volumeMounts: mounts('html', oneOf('/usr/share/nginx/html', '/usr/share/nginx/html/')) }) } });
  },

  'native-sidecar': async ({ get }) => {
    const pod = await get('v1', 'Pod', 'site');
    return match(pod, { spec: { initContainers: some({ name: 'logger', image: matching(/^busybox:1\.36(@|$)/), restartPolicy: 'Always', volumeMounts: mounts('html') }) } });
  },

  'site-running': async ({ get }) => {
    const pod = await get('v1', 'Pod', 'site');
    const inits = (pod?.spec?.initContainers ?? []).filter((c: KObject) => c.restartPolicy !== 'Always').map((c: KObject) => c.name);
    return [
      ...match(pod, { status: { initContainerStatuses: some({ name: oneOf(...inits), state: { terminated: { exitCode: 0 } } }) } }),
      ...podReady(pod),
    ];
  },
});
