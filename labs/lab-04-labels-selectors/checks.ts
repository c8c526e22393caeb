// Checks for lab-04: labels and annotations read from the Pods; the selector answer compared with
// what the API server itself returns for the same selector, now.
import { absent, defineChecks, match, oneOf } from '../../checker/index.ts';

export default defineChecks({
  relabel: async ({ get }) => match(await get('v1', 'Pod', 'api-2'), { metadata: { labels: { env: 'staging', app: 'api', tier: 'backend' } } }),

  'remove-label': async ({ get }) => match(await get('v1', 'Pod', 'cache-1'), { metadata: { labels: { temp: absent(), app: 'cache', tier: 'backend' } } }),

  annotate: async ({ get }) => match(await get('v1', 'Pod', 'web-1'), { metadata: { annotations: { owner: 'team-web' }, labels: { app: 'web' } } }),

  'selector-answer': async ({ get, list }) => {
    const [answers, pods] = await Promise.all([get('v1', 'ConfigMap', 'answers'), list('v1', 'Pod', { labelSelector: 'tier=backend,env notin (prod)' })]);
    const names = pods.map((p) => p.metadata.name).sort();
    return match(answers, { data: { backendNotProd: oneOf(names.join(' '), names.join(','), names.join(', ')) } });
  },
});
