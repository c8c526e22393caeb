// Checks for lab-04: labels and annotations read from the Pods; the selector answer compared with
// what the API server itself returns for the same selector, now.
import { absent, defineChecks, match, observe, present } from '../../checker/index.ts';

export default defineChecks({
  relabel: async ({ get }) => match(await get('v1', 'Pod', 'api-2'), { metadata: { labels: { env: 'staging', app: 'api', tier: 'backend' } } }),

  'remove-label': async ({ get }) => match(await get('v1', 'Pod', 'cache-1'), { metadata: { labels: { temp: absent(), app: 'cache', tier: 'backend' } } }),

  annotate: async ({ get }) => match(await get('v1', 'Pod', 'web-1'), { metadata: { annotations: { owner: 'team-web' }, labels: { app: 'web' } } }),

  // Any order, separated by spaces or commas: the answer is a set of names. A missing ConfigMap or
  // key is reported by get/match; a wrong set shows what the API server answers instead.
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
