// Proof that the suite's cluster is a real control plane that behaves like a lab cluster:
// controllers, scheduler, admission, authorization and storage all answer.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { readFileSync, existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { kubectl, kubectlOk, testCluster } from '../support/cluster.ts';

const ns = 'proof-control-plane';
const json = async (args: string[]) => JSON.parse(await kubectlOk([...args, '-o', 'json']));

async function waitFor<T>(what: string, read: () => Promise<T>, ok: (v: T) => boolean, timeoutMs = 60_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: T = await read();
  while (!ok(last)) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; last seen: ${JSON.stringify(last).slice(0, 500)}`);
    await new Promise((r) => setTimeout(r, 500));
    last = await read();
  }
  return last;
}

beforeAll(async () => {
  await kubectl(['delete', 'namespace', ns, '--ignore-not-found', '--wait=true']);
  await kubectlOk(['create', 'namespace', ns]);
});
afterAll(async () => {
  await kubectl(['delete', 'namespace', ns, '--wait=false']);
});

describe('the test control plane', () => {
  it('has three nodes named like kind, the control plane tainted', async () => {
    const nodes = (await json(['get', 'nodes'])).items;
    expect(nodes.map((n: any) => n.metadata.name).sort()).toEqual(['wheelhouse-control-plane', 'wheelhouse-worker', 'wheelhouse-worker2']);
    const cp = nodes.find((n: any) => n.metadata.name === 'wheelhouse-control-plane');
    expect(cp.metadata.labels).toHaveProperty('node-role.kubernetes.io/control-plane');
    expect(cp.spec.taints).toContainEqual({ key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' });
    for (const n of nodes) expect(n.status.conditions.find((c: any) => c.type === 'Ready')?.status).toBe('True');
  });

  it('serves the add-on APIs the kwok provider installs: Gateway API and VerticalPodAutoscaler', async () => {
    const crds = (await json(['get', 'crd'])).items.map((c: any) => c.metadata.name);
    expect(crds).toEqual(expect.arrayContaining(['gateways.gateway.networking.k8s.io', 'httproutes.gateway.networking.k8s.io', 'gatewayclasses.gateway.networking.k8s.io', 'verticalpodautoscalers.autoscaling.k8s.io']));
  });

  it('runs the project-built kubectl and API server at the pinned version', async () => {
    const v = JSON.parse(await kubectlOk(['version', '-o', 'json']));
    const pinned = /^KUBE_VERSION=(\S+)/m.exec(readFileSync('tools/kube/versions.env', 'utf8'))![1];
    expect(v.clientVersion.gitVersion).toBe(pinned);
    expect(v.serverVersion.gitVersion).toBe(pinned);
  });

  it('schedules a Deployment onto the two workers only, and its Pods become Running and Ready', async () => {
    await kubectlOk(['-n', ns, 'create', 'deployment', 'web', '--image=nginx:1.27', '--replicas=6', '--port=80']);
    await kubectlOk(['-n', ns, 'rollout', 'status', 'deployment/web', '--timeout=60s']);
    const pods = (await json(['-n', ns, 'get', 'pods', '-l', 'app=web'])).items;
    expect(pods).toHaveLength(6);
    for (const p of pods) {
      expect(['wheelhouse-worker', 'wheelhouse-worker2']).toContain(p.spec.nodeName);
      expect(p.status.phase).toBe('Running');
      expect(p.status.conditions.find((c: any) => c.type === 'Ready')?.status).toBe('True');
    }
    expect(new Set(pods.map((p: any) => p.spec.nodeName)).size).toBe(2);
  });

  it('gives a Service EndpointSlice endpoints for its ready Pods', async () => {
    await kubectlOk(['-n', ns, 'expose', 'deployment', 'web', '--port=80']);
    const slices = await waitFor(
      'EndpointSlice endpoints',
      async () => (await json(['-n', ns, 'get', 'endpointslices', '-l', 'kubernetes.io/service-name=web'])).items,
      (items: any[]) => items.flatMap((s) => s.endpoints ?? []).filter((e: any) => e.conditions?.ready).length === 6,
    );
    expect(slices.flatMap((s: any) => s.endpoints).every((e: any) => e.addresses.length === 1)).toBe(true);
  });

  it('binds a PersistentVolumeClaim of the default StorageClass once a Pod uses it', async () => {
    const sc = (await json(['get', 'storageclass'])).items;
    expect(sc.filter((s: any) => s.metadata.annotations?.['storageclass.kubernetes.io/is-default-class'] === 'true').map((s: any) => s.metadata.name)).toEqual(['standard']);
    await kubectlOk(['-n', ns, 'apply', '-f', '-'], {
      input: `apiVersion: v1
kind: PersistentVolumeClaim
metadata: {name: data}
spec:
  accessModes: [ReadWriteOnce]
  resources: {requests: {storage: 1Gi}}
---
apiVersion: v1
kind: Pod
metadata: {name: writer}
spec:
  containers:
  - name: app
    image: busybox:1.36
    command: [sleep, "3600"]
    volumeMounts: [{name: data, mountPath: /data}]
  volumes:
  - name: data
    persistentVolumeClaim: {claimName: data}
`,
    });
    const pvc = await waitFor('the claim to bind', () => json(['-n', ns, 'get', 'pvc', 'data']), (p: any) => p.status.phase === 'Bound');
    expect(pvc.spec.volumeName).toMatch(/^pvc-/);
    await kubectlOk(['-n', ns, 'wait', '--for=condition=Ready', 'pod/writer', '--timeout=60s']);
  });

  it('runs a Job to Complete', async () => {
    await kubectlOk(['-n', ns, 'create', 'job', 'pi', '--image=busybox:1.36', '--', 'echo', '3.14']);
    await kubectlOk(['-n', ns, 'wait', '--for=condition=Complete', 'job/pi', '--timeout=60s']);
    const job = await json(['-n', ns, 'get', 'job', 'pi']);
    expect(job.status.succeeded).toBe(1);
  });

  it('answers SubjectAccessReviews: allowed and denied', async () => {
    await kubectlOk(['-n', ns, 'create', 'serviceaccount', 'reader']);
    await kubectlOk(['-n', ns, 'create', 'role', 'pod-reader', '--verb=get,list', '--resource=pods']);
    await kubectlOk(['-n', ns, 'create', 'rolebinding', 'reader', '--role=pod-reader', `--serviceaccount=${ns}:reader`]);
    const as = `system:serviceaccount:${ns}:reader`;
    const allowed = await kubectl(['auth', 'can-i', 'list', 'pods', '-n', ns, '--as', as]);
    expect(allowed.stdout.trim()).toBe('yes');
    const denied = await kubectl(['auth', 'can-i', 'delete', 'pods', '-n', ns, '--as', as]);
    expect(denied.stdout.trim()).toBe('no');
    expect(denied.code).toBe(1);
  });

  it('rejects an invalid manifest on a server-side dry run, and accepts a valid one', async () => {
    const bad = await kubectl(['-n', ns, 'apply', '--dry-run=server', '-f', '-'], {
      input: 'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: nosel}\nspec:\n  template:\n    metadata: {labels: {app: x}}\n    spec: {containers: [{name: x, image: nginx:1.27}]}\n',
    });
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toMatch(/selector/);
    const good = await kubectl(['-n', ns, 'apply', '--dry-run=server', '-f', '-'], {
      input: 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: ok}\ndata: {a: b}\n',
    });
    expect(good.code).toBe(0);
  });

  it('leaves ~/.kube/config alone', () => {
    const file = join(homedir(), '.kube', 'config');
    const text = existsSync(file) ? readFileSync(file, 'utf8') : '';
    expect(text).not.toContain(testCluster().kubeconfig);
    expect(text).not.toMatch(/wh-test-\d+/);
  });
});

describe('the test control plane on the network', () => {
  it('listens on loopback only', async () => {
    const { execFileSync } = await import('node:child_process');
    const out = execFileSync('ss', ['-H', '-ltnp'], { encoding: 'utf8' });
    const ours = out.split('\n').filter((l) => /"(etcd|kube-apiserver|kube-controller|kube-scheduler|kwok)/.test(l));
    expect(ours.length).toBeGreaterThanOrEqual(4);
    for (const line of ours) {
      const local = line.trim().split(/\s+/)[3];
      expect(local, line).toMatch(/^(127\.0\.0\.1|\[::1\]|\[::ffff:127\.0\.0\.1\]):\d+$/);
    }
  });
});
