// The real HTTP ClusterReader against a local fake API server: paths, NotFound, pagination, and
// every failure mapped to a ClusterError whose message is safe to show.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect } from '../../checker/cluster/client.ts';
import { isSimulated } from '../../checker/cluster/types.ts';
import { defaultHandler, notFound, startFakeApiServer, TOKEN, writeKubeconfig, type FakeApiServer } from '../fixtures/fake-api-server.ts';
import { ClusterError } from '../../checker/core/errors.ts';

let api: FakeApiServer;
beforeAll(async () => {
  api = await startFakeApiServer();
});
afterAll(() => api.close());

const reader = (requestTimeoutMs?: number) => connect({ kubeconfig: api.kubeconfig, requestTimeoutMs });

async function clusterError(p: Promise<unknown>): Promise<ClusterError> {
  const err = await p.then(
    () => undefined,
    (e) => e,
  );
  expect(err).toBeInstanceOf(ClusterError);
  return err as ClusterError;
}

describe('requests', () => {
  it('gets one object by its REST path, with the bearer token', async () => {
    api.handler = (req) =>
      req.path === '/apis/apps/v1/namespaces/lab-07/deployments/web' ? { status: 200, body: { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web' } } } : defaultHandler(req);
    const r = await reader();
    const d = await r.get('apps/v1', 'Deployment', 'web', 'lab-07');
    r.close();
    expect(d?.metadata.name).toBe('web');
    expect(api.requests.at(-1)?.headers.authorization).toBe(`Bearer ${TOKEN}`);
  });

  it('NotFound is undefined for get and an empty list for list', async () => {
    api.handler = () => notFound();
    const r = await reader();
    expect(await r.get('v1', 'Pod', 'nope', 'lab-02')).toBeUndefined();
    expect(await r.list('v1', 'Pod', { namespace: 'lab-02' })).toEqual([]);
    r.close();
  });

  it('lists with selectors, follows continue tokens, and puts apiVersion and kind on items', async () => {
    api.handler = (req) => {
      if (req.path !== '/api/v1/namespaces/lab-02/pods') return notFound();
      return req.query.get('continue')
        ? { status: 200, body: { items: [{ metadata: { name: 'b' } }], metadata: {} } }
        : { status: 200, body: { items: [{ metadata: { name: 'a' } }], metadata: { continue: 'next' } } };
    };
    const r = await reader();
    const pods = await r.list('v1', 'Pod', { namespace: 'lab-02', labelSelector: 'run=web' });
    r.close();
    expect(pods.map((p) => [p.apiVersion, p.kind, p.metadata.name])).toEqual([
      ['v1', 'Pod', 'a'],
      ['v1', 'Pod', 'b'],
    ]);
    expect(api.requests.at(-1)?.query.get('labelSelector')).toBe('run=web');
  });

  it('lists a namespaced kind across all namespaces, and cluster-scoped kinds without one', async () => {
    api.handler = (req) => ({ status: 200, body: { items: [{ metadata: { name: req.path } }] } });
    const r = await reader();
    expect((await r.list('networking.k8s.io/v1', 'NetworkPolicy'))[0].metadata.name).toBe('/apis/networking.k8s.io/v1/networkpolicies');
    expect((await r.list('v1', 'Node', { namespace: 'ignored' }))[0].metadata.name).toBe('/api/v1/nodes');
    r.close();
  });

  it('discovers custom resources once per group version; an unknown kind is "not there yet"', async () => {
    api.handler = (req) => {
      if (req.path === '/apis/stable.example.com/v1') return { status: 200, body: { resources: [{ name: 'applications', kind: 'Application', namespaced: true }, { name: 'applications/status', kind: 'Application', namespaced: true }] } };
      if (req.path === '/apis/stable.example.com/v1/namespaces/lab-23/applications/my-app') return { status: 200, body: { kind: 'Application', metadata: { name: 'my-app' } } };
      return notFound();
    };
    const r = await reader();
    expect((await r.get('stable.example.com/v1', 'Application', 'my-app', 'lab-23'))?.metadata.name).toBe('my-app');
    expect(await r.get('stable.example.com/v1', 'Application', 'my-app', 'lab-23')).toBeDefined();
    expect(api.requests.filter((q) => q.path === '/apis/stable.example.com/v1')).toHaveLength(1);
    expect(await r.get('missing.example.com/v1', 'Thing', 'x', 'lab-23')).toBeUndefined();
    expect(await r.list('missing.example.com/v1', 'Thing', { namespace: 'lab-23' })).toEqual([]);
    r.close();
  });

  it('asks discovery again until a new kind is served (a CRD being created), then remembers it', async () => {
    let served = false;
    api.handler = (req) => {
      if (req.path === '/apis/later.example.com/v1') return served ? { status: 200, body: { resources: [{ name: 'things', kind: 'Thing', namespaced: true }] } } : notFound();
      if (req.path === '/apis/later.example.com/v1/namespaces/lab-23/things/x') return { status: 200, body: { kind: 'Thing', metadata: { name: 'x' } } };
      return notFound();
    };
    const r = await reader();
    expect(await r.get('later.example.com/v1', 'Thing', 'x', 'lab-23')).toBeUndefined();
    served = true;
    expect((await r.get('later.example.com/v1', 'Thing', 'x', 'lab-23'))?.metadata.name).toBe('x');
    await r.get('later.example.com/v1', 'Thing', 'x', 'lab-23');
    expect(api.requests.filter((q) => q.path === '/apis/later.example.com/v1')).toHaveLength(2);
    r.close();
  });

  it('a 404 in plain text (a just-deleted CRD) is absent, not a broken answer', async () => {
    api.handler = (req) => (req.path.startsWith('/apis/stable.example.com/v1/') ? { status: 404, text: '404 page not found\n' } : req.path === '/apis/stable.example.com/v1' ? { status: 200, body: { resources: [{ name: 'applications', kind: 'Application', namespaced: true }] } } : notFound());
    const r = await reader();
    expect(await r.get('stable.example.com/v1', 'Application', 'my-app', 'lab-23')).toBeUndefined();
    expect(await r.list('stable.example.com/v1', 'Application', { namespace: 'lab-23' })).toEqual([]);
    r.close();
  });

  it('a dry run answered 404 is no verdict: an error, never "admitted"', async () => {
    api.handler = (req) => (req.path === '/apis/stable.example.com/v1' ? { status: 200, body: { resources: [{ name: 'applications', kind: 'Application', namespaced: true }] } } : notFound());
    const r = await reader();
    const err = await clusterError(r.admits({ apiVersion: 'stable.example.com/v1', kind: 'Application', metadata: { name: 'big' }, spec: { replicas: 20 } }, 'lab-23'));
    expect(err.message).toMatch(/404/);
    r.close();
  });

  it('dry-runs an update of an object or of a subresource (PUT) and a delete, and reads a refusal as an answer', async () => {
    api.handler = (req) => {
      if (req.method === 'PUT' && req.path === '/api/v1/namespaces/lab-22/pods/web-1/ephemeralcontainers') return { status: 403, body: { kind: 'Status', message: 'denied request: no latest' } };
      if (req.method === 'PUT' && req.path === '/api/v1/namespaces/lab-22/pods/web-1') return { status: 200, body: { kind: 'Pod', metadata: { name: 'web-1' } } };
      if (req.method === 'DELETE' && req.path === '/api/v1/namespaces/lab-22/pods/web-1') return { status: 200, body: { kind: 'Pod', metadata: { name: 'web-1' } } };
      return notFound();
    };
    const r = await reader();
    const pod = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'web-1' }, spec: { containers: [{ name: 'web', image: 'nginx:1.27' }] } };
    expect(await r.admits(pod, 'lab-22', { operation: 'update', subresource: 'ephemeralcontainers' })).toEqual({ allowed: false, status: 403, message: 'denied request: no latest' });
    expect(api.requests.at(-1)?.query.get('dryRun')).toBe('All');
    expect(await r.admits(pod, 'lab-22', { operation: 'update' })).toEqual({ allowed: true });
    expect(await r.admits(pod, 'lab-22', { operation: 'delete' })).toEqual({ allowed: true });
    expect(api.requests.at(-1)).toMatchObject({ method: 'DELETE', body: { kind: 'DeleteOptions', dryRun: ['All'] } });
    // An object that is not there gives no verdict.
    const err = await clusterError(r.admits({ ...pod, metadata: { name: 'gone' } }, 'lab-22', { operation: 'delete' }));
    expect(err.message).toMatch(/404/);
    r.close();
  });

  it('asks access questions with a SubjectAccessReview (POST, nothing else written)', async () => {
    api.handler = (req) => (req.method === 'POST' && req.path === '/apis/authorization.k8s.io/v1/subjectaccessreviews' ? { status: 201, body: { status: { allowed: true } } } : notFound());
    const r = await reader();
    const answer = await r.accessReview({ user: 'system:serviceaccount:lab-17:ci-bot', groups: ['system:serviceaccounts'], resourceAttributes: { verb: 'list', resource: 'pods', namespace: 'lab-17' } });
    r.close();
    expect(answer.allowed).toBe(true);
    expect(api.requests.at(-1)?.body).toMatchObject({ kind: 'SubjectAccessReview', spec: { user: 'system:serviceaccount:lab-17:ci-bot' } });
  });

  it('tells a simulated cluster by the kwok node annotation', async () => {
    api.handler = (req) => ({ status: 200, body: { items: req.path === '/api/v1/nodes' ? [{ metadata: { name: 'n', annotations: { 'kwok.x-k8s.io/node': 'fake' } } }] : [] } });
    const r = await reader();
    expect(await isSimulated(r)).toBe(true);
    api.handler = () => ({ status: 200, body: { items: [{ metadata: { name: 'n' } }] } });
    expect(await isSimulated(r)).toBe(false);
    r.close();
  });
});

describe('failures become ClusterErrors that are safe to show', () => {
  it('401: the credentials are not accepted', async () => {
    api.handler = () => ({ status: 401, body: { kind: 'Status', code: 401, message: 'Unauthorized' } });
    const r = await reader();
    const err = await clusterError(r.serverVersion());
    r.close();
    expect(err.code).toBe('unauthorized');
    expect(err.transient).toBe(false);
    expect(err.message).not.toContain(TOKEN);
    expect(err.message).not.toContain('do-not-leak');
  });

  it('403: the API server says who may not do what', async () => {
    api.handler = () => ({ status: 403, body: { kind: 'Status', code: 403, message: 'pods is forbidden: User "system:serviceaccount:x:y" cannot list resource "pods"' } });
    const r = await reader();
    const err = await clusterError(r.list('v1', 'Pod', { namespace: 'lab-02' }));
    r.close();
    expect(err.code).toBe('forbidden');
    expect(err.message).toMatch(/cannot list resource "pods"/);
  });

  it('5xx: a server error, worth retrying', async () => {
    api.handler = () => ({ status: 503, body: { message: 'etcd is unavailable' } });
    const r = await reader();
    const err = await clusterError(r.get('v1', 'Pod', 'x', 'n'));
    r.close();
    expect([err.code, err.transient]).toEqual(['server', true]);
    expect(err.message).toMatch(/503 etcd is unavailable/);
  });

  it('a slow API server: the per-request timeout fires', async () => {
    api.handler = (req) => (req.path === '/version' ? { status: 200, hang: true } : notFound());
    const r = await reader(150);
    const started = performance.now();
    const err = await clusterError(r.serverVersion());
    r.close();
    expect(err.code).toBe('timeout');
    expect(performance.now() - started).toBeLessThan(2000);
    expect(err.message).toMatch(/did not answer GET \/version within 0.15 s/);
  });

  it('nothing listening: unreachable', async () => {
    const closed = await startFakeApiServer();
    await closed.close();
    const r = await connect({ kubeconfig: closed.kubeconfig });
    const err = await clusterError(r.serverVersion());
    expect(err.code).toBe('unreachable');
    expect(err.message).toMatch(/cannot reach http:\/\/127\.0\.0\.1:\d+ \(ECONNREFUSED\)/);
  });

  it('no kubeconfig, or one that names no cluster', async () => {
    expect((await clusterError(connect({ kubeconfig: '/nonexistent/kubeconfig' }))).code).toBe('no-kubeconfig');
    const empty = await writeKubeconfig('http://127.0.0.1:1');
    const { writeFile } = await import('node:fs/promises');
    await writeFile(empty, 'apiVersion: v1\nkind: Config\nclusters: []\ncontexts: []\nusers: []\n');
    expect((await clusterError(connect({ kubeconfig: empty }))).code).toBe('bad-kubeconfig');
  });
});
