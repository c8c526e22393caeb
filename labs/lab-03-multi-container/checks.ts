// Checks for lab-03: the Pod's shape from its spec (any container names, one shared emptyDir), and
// on real nodes the init container's exit code and every container's readiness. Images are
// compared by meaning (docker.io/library/busybox:1.36 is busybox:1.36).
import { absent, defineChecks, every, image, match, not, observe, oneOf, phrase, podReady, present, sameImage, some, type KObject } from '../../checker/index.ts';

type Container = KObject & { name: string; image?: string; restartPolicy?: string; command?: string[]; args?: string[]; workingDir?: string; volumeMounts?: { name: string; mountPath: string }[] };

const initContainers = (pod: KObject): Container[] => pod.spec?.initContainers ?? [];
const isSidecar = (c: Container) => c.restartPolicy === 'Always';
const script = (c: Container) => [...(c.command ?? []), ...(c.args ?? [])].join(' ');
const trimSlash = (p: string) => p.replace(/\/+$/, '') || '/';
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Where the container mounts html (without a trailing slash). */
const htmlMounts = (c: Container) => (c.volumeMounts ?? []).filter((m) => m.name === 'html').map((m) => trimSlash(m.mountPath));

/**
 * The command names index.html inside a mount of html: /work/index.html, or index.html (./index.html)
 * with the mount as workingDir or after `cd MOUNT`. A shell command cannot be run here; this is
 * what its text says, and on real nodes site-running sees whether the init container succeeded.
 */
function writesIntoMount(c: Container): boolean {
  const text = script(c);
  return htmlMounts(c).some((dir) => {
    if (new RegExp(`${escape(dir === '/' ? '' : dir)}/+index\\.html`).test(text)) return true;
    const inDir = (c.workingDir !== undefined && trimSlash(c.workingDir) === dir) || new RegExp(`\\bcd\\s+['"]?${escape(dir)}/*['"]?(\\s|;|&|$)`).test(text);
    return inDir && /(^|[\s>'"=:;|&(])(\.\/)?index\.html/.test(text);
  });
}

/** The init container that writes the page: the ordinary one whose command names index.html, else the first ordinary one. */
function pageWriter(pod: KObject): Container | undefined {
  const plain = initContainers(pod).filter((c) => !isSidecar(c));
  return plain.find((c) => /index\.html/.test(script(c))) ?? plain[0];
}

export default defineChecks({
  // pod, volume (an emptyDir named html), init-image (an ordinary init container from busybox:1.36),
  // init-mount (it mounts html), writes-index (its command writes index.html into that mount),
  // first (no native sidecar is listed before it: init containers start in order).
  'init-page': async ({ get }) => {
    const pod = await get('v1', 'Pod', 'site');
    if (!pod) return [];
    const volume = match(pod, { spec: { volumes: some({ name: 'html', emptyDir: present() }) } });
    const writer = pageWriter(pod);
    if (!writer) return [...volume, ...match(pod, { spec: { initContainers: some({ image: image('busybox:1.36'), restartPolicy: absent() }) } })];
    const inits = initContainers(pod);
    const i = inits.indexOf(writer);
    const at = `spec.initContainers[${i}]`;
    const mounted = htmlMounts(writer).length > 0;
    // The order it needs: every native sidecar listed before the writer moved after it.
    const before = inits.slice(0, i);
    const order = [...before.filter((c) => !isSidecar(c)), writer, ...before.filter(isSidecar), ...inits.slice(i + 1)].map((c) => c.name);
    return [
      ...volume,
      ...observe(pod, `${at}.image`, 'busybox:1.36', writer.image, { ok: sameImage(writer.image, 'busybox:1.36') }),
      ...observe(pod, `${at}.volumeMounts`, phrase('someItemLike', { pattern: '{name: html}' }), (writer.volumeMounts ?? []).map((m) => m.name), { ok: mounted }),
      // Without a mount of html the line above already says what is wrong.
      ...(mounted ? observe(pod, `${at}.command`, phrase('matching', { pattern: `${htmlMounts(writer)[0]}/index.html` }), script(writer) || undefined, { ok: writesIntoMount(writer) }) : []),
      ...observe(pod, 'spec.initContainers[*].name', order, inits.map((c) => c.name)),
    ];
  },

  // image (a container of spec.containers runs nginx:1.27), mount (it mounts the whole volume html at
  // /usr/share/nginx/html, with or without a trailing slash; a subPath would mount a folder inside it).
  'nginx-serves': async ({ get }) => {
    const pod = await get('v1', 'Pod', 'site');
    const root = oneOf('/usr/share/nginx/html', '/usr/share/nginx/html/');
    return match(pod, { spec: { containers: some({ image: image('nginx:1.27'), volumeMounts: some({ name: 'html', mountPath: root, subPath: absent(), subPathExpr: absent() }) }) } });
  },

  // name, image, mount, native (an init container with restartPolicy Always — not an entry of
  // containers, which has no start or stop order).
  'native-sidecar': async ({ get }) => {
    const pod = await get('v1', 'Pod', 'site');
    if (!pod) return [];
    const regular = (pod.spec?.containers ?? []).some((c: Container) => c.name === 'logger');
    return [
      // Said first: a logger among the regular containers is the mistake to fix.
      ...(regular ? match(pod, { spec: { containers: every({ name: not('logger') }) } }) : []),
      ...match(pod, { spec: { initContainers: some({ name: 'logger', image: image('busybox:1.36'), restartPolicy: 'Always', volumeMounts: some({ name: 'html' }) }) } }),
    ];
  },

  // init-exit-0 (the page writer terminated with exit code 0), all-ready (the Pod is Ready — every
  // container, the sidecar included — and logger has kept running, never restarted).
  'site-running': async ({ get }) => {
    const pod = await get('v1', 'Pod', 'site');
    if (!pod) return [];
    const writer = pageWriter(pod);
    return [
      ...match(pod, { status: { initContainerStatuses: some({ name: writer?.name ?? '(none)', state: { terminated: { exitCode: 0 } } }) } }),
      ...podReady(pod),
      ...match(pod, { status: { initContainerStatuses: some({ name: 'logger', started: true, state: { running: present() }, restartCount: 0 }) } }),
    ];
  },
});
