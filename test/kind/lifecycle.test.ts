// The kind cluster's life as a learner meets it, through the CLI: status on real nodes; a node
// container stopped (Docker restarted, a laptop that slept) is named by `lab status` and started
// again by `lab up`; `lab down` leaves nothing of the cluster in Docker. Runs last in the tier.
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { labCommand } from '../support/kind-cluster.ts';
import { KIND_CLUSTER_LABEL, publishedNodeImages } from '../../checker/providers/kind.ts';
import { kubeVersion } from '../../checker/core/paths.ts';

const kubeconfig = process.env.WHEELHOUSE_KIND_KUBECONFIG;
if (!kubeconfig) throw new Error('No kind cluster: the kind tier runs through `npm test` (test/run.ts starts the cluster).');

const docker = (...args: string[]) => spawnSync('docker', args, { encoding: 'utf8' });
const nodeContainers = () =>
  docker('ps', '-a', '--filter', `label=${KIND_CLUSTER_LABEL}=wheelhouse`, '--format', '{{.Names}} {{.State}}')
    .stdout.trim()
    .split('\n')
    .filter(Boolean)
    .sort();

describe('the kind cluster through the CLI', () => {
  it('pins the node image that the installed kind release itself defaults to', () => {
    // kind's module source (the Go module the tier installed kind from) names its default image.
    const modcache = execFileSync('go', ['env', 'GOMODCACHE'], { encoding: 'utf8' }).trim();
    const { kind, images } = publishedNodeImages();
    const source = readFileSync(join(modcache, `sigs.k8s.io/kind@${kind}`, 'pkg/apis/config/defaults/image.go'), 'utf8');
    const kindDefault = /const Image = "([^"]+)"/.exec(source)?.[1];
    expect([...images.values()], `kind ${kind}'s default node image is in tools/kube/kind-node-images.txt`).toContain(kindDefault);
    expect(images.get(kubeVersion()), 'the pinned Kubernetes version is the one kind defaults to').toBe(kindDefault);
  });

  it('lab status: three real nodes, all Ready, managed by Wheelhouse', async () => {
    const r = await labCommand(['status'], kubeconfig);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('kind (wheelhouse)');
    expect(r.stdout).toMatch(/real nodes/);
    for (const n of ['wheelhouse-control-plane', 'wheelhouse-worker', 'wheelhouse-worker2']) expect(r.stdout).toMatch(new RegExp(`${n}\\s+Ready`));
  });

  it('a stopped control-plane container: status names it (exit 2), up starts it again', async () => {
    expect(docker('stop', 'wheelhouse-control-plane').status).toBe(0);
    const st = await labCommand(['status'], kubeconfig);
    expect(st.code).toBe(2);
    expect(st.stdout).toContain('The kind node containers are stopped: wheelhouse-control-plane.');
    const ko = await labCommand(['status', '--lang', 'ko'], kubeconfig);
    expect(ko.stdout).toContain('kind 노드 컨테이너가 멈춰 있습니다');

    const up = await labCommand(['up', 'lab-02'], kubeconfig);
    expect(up.code, `${up.stdout}\n${up.stderr}`).toBe(0);
    expect(nodeContainers()).toEqual(['wheelhouse-control-plane running', 'wheelhouse-worker running', 'wheelhouse-worker2 running']);
    const again = await labCommand(['status'], kubeconfig);
    expect(again.code, again.stdout).toBe(0);
  }, 300_000);

  it('lab down deletes the cluster: no node container is left', async () => {
    const r = await labCommand(['down'], kubeconfig);
    expect(r.code, r.stderr).toBe(0);
    expect(nodeContainers()).toEqual([]);
    expect(spawnSync('kind', ['get', 'clusters'], { encoding: 'utf8' }).stdout.split('\n')).not.toContain('wheelhouse');
    const st = await labCommand(['status'], kubeconfig);
    expect(st.code).toBe(2);
  }, 180_000);
});
