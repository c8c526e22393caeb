// Checks for lab-04: labels and annotations read from the Pods, each changed in place (a Pod
// deleted and made again is a new object: sameObject), nothing else changed; the selector answer
// compared with what the API server itself returns for the same selector, now.
import { absent, defineChecks, match, observe, phrase, present, sameObject, type CheckContext } from '../../checker/index.ts';

/** The labels setup/10-pods.yaml gives each Pod (wheelhouse.dev/lab aside, which every Pod has). */
const START: Record<string, Record<string, string>> = {
  'web-1': { app: 'web', env: 'prod', tier: 'frontend' },
  'web-2': { app: 'web', env: 'staging', tier: 'frontend' },
  'api-1': { app: 'api', env: 'prod', tier: 'backend' },
  'api-2': { app: 'api', env: 'dev', tier: 'backend' },
  'db-1': { app: 'db', env: 'prod', tier: 'backend' },
  'cache-1': { app: 'cache', tier: 'backend', temp: 'true' },
};
const LAB_LABEL = 'wheelhouse.dev/lab';

/** The starting labels of `name` except `leave`, as a pattern: each kept with its value (more may be added). */
function kept(name: string, ...leave: string[]): Record<string, string> {
  const labels: Record<string, string> = { ...START[name], [LAB_LABEL]: 'lab-04' };
  for (const k of leave) delete labels[k];
  return labels;
}

/** The Pod's events: enough for sameObject to see an earlier Pod of the same name. */
const eventsOf = (list: CheckContext['list'], name: string) =>
  list('v1', 'Event', { fieldSelector: `involvedObject.kind=Pod,involvedObject.name=${name}` });

export default defineChecks({
  // env-staging, other-labels (api-2's others unchanged), other-pods (no other Pod's env label
  // changes: `-l app=api` would move api-1 too), in-place (same uid).
  relabel: async ({ get, list }) => {
    const [pod, pods, events] = await Promise.all([get('v1', 'Pod', 'api-2'), list('v1', 'Pod'), eventsOf(list, 'api-2')]);
    if (!pod) return [];
    const others = pods.filter((p) => p.metadata.name !== 'api-2' && START[p.metadata.name]);
    const moved = others.filter((p) => p.metadata.labels?.env !== START[p.metadata.name].env);
    return [
      ...match(pod, { metadata: { labels: { env: 'staging', ...kept('api-2', 'env') } } }),
      ...observe(pods, 'items[?(@.metadata.name!="api-2")].metadata.labels.env', phrase('noItems'), moved.length ? moved.map((p) => `${p.metadata.name}: env=${p.metadata.labels?.env ?? '(none)'}`).join(', ') : phrase('noItems'), { ok: moved.length === 0 }),
      ...sameObject(pod, events),
    ];
  },

  // removed (no key temp, not an empty value), other-labels (cache-1's others unchanged), in-place.
  'remove-label': async ({ get, list }) => {
    const [pod, events] = await Promise.all([get('v1', 'Pod', 'cache-1'), eventsOf(list, 'cache-1')]);
    return [...match(pod, { metadata: { labels: { temp: absent(), ...kept('cache-1', 'temp') } } }), ...sameObject(pod, events)];
  },

  // annotation (owner=team-web, exactly), only-web-1 (no other Pod gets it: `-l app=web` would mark
  // web-2 too), in-place.
  annotate: async ({ get, list }) => {
    const [pod, pods, events] = await Promise.all([get('v1', 'Pod', 'web-1'), list('v1', 'Pod'), eventsOf(list, 'web-1')]);
    if (!pod) return [];
    const others = pods.filter((p) => p.metadata.name !== 'web-1' && p.metadata.annotations?.owner !== undefined);
    return [
      ...match(pod, { metadata: { annotations: { owner: 'team-web' } } }),
      ...observe(pods, 'items[?(@.metadata.name!="web-1")].metadata.annotations.owner', phrase('noItems'), others.length ? others.map((p) => `${p.metadata.name}: owner=${p.metadata.annotations?.owner}`).join(', ') : phrase('noItems'), { ok: others.length === 0 }),
      ...sameObject(pod, events),
    ];
  },

  // configmap, key, names: any order, separated by spaces or commas (the text allows both). A
  // wrong set shows what the API server answers instead.
  'selector-answer': async ({ get, list }) => {
    const [answers, pods] = await Promise.all([get('v1', 'ConfigMap', 'answers'), list('v1', 'Pod', { labelSelector: 'tier=backend,env notin (prod)' })]);
    if (!answers) return [];
    const value = answers.data?.backendNotProd;
    if (typeof value !== 'string') return match(answers, { data: { backendNotProd: present() } });
    const want = pods.map((p) => p.metadata.name).sort();
    const given = [...new Set(value.split(/[\s,]+/).filter(Boolean))].sort();
    return observe(answers, 'data.backendNotProd', want.join(' '), value, { ok: want.join(' ') === given.join(' ') });
  },
});
