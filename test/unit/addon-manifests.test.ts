// The add-ons the kind tier proves are the project's own manifests, readable offline: no URL a CI
// machine could not fetch, and exactly the images lab.yaml lists (which `lab prefetch` pulls and
// CI builds stand-ins for). An add-on lives inside its lab's folder, so metrics-server, which labs
// 19 and 25 both install, has two copies: they must stay the same file.
import { describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { listLabs, type LoadedLab } from '../../checker/lab/load.ts';
import { manifestImages, normalizeImage } from '../../checker/lab/images.ts';
import { addonManifest } from '../../checker/lifecycle/up.ts';
import { kindLabs } from '../kind/which-labs.ts';

const labs = await listLabs();
const byId = (id: string) => labs.find((l) => l.id === id)!;

/** The manifest files of a local add-on (a file, or the YAML files of a plain folder). */
function manifestFiles(lab: LoadedLab, manifest: string): string[] {
  const path = addonManifest(lab, manifest);
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path)
    .filter((f) => /\.(ya?ml|json)$/.test(f))
    .sort()
    .map((f) => join(path, f));
}

const objects = (files: string[]) => files.flatMap((f) => parseAllDocuments(readFileSync(f, 'utf8')).map((d) => d.toJS()));

describe('add-on manifests', () => {
  it('the labs proven on kind install only local add-ons (no kustomization, no URL), running exactly the images lab.yaml lists', async () => {
    const { proven } = await kindLabs(labs);
    for (const lab of proven) {
      for (const a of lab.addons.filter((x) => x.providers.includes('kind'))) {
        const where = `${lab.id} add-on ${a.name}`;
        expect(a.manifest, `${where}: a URL cannot be fetched offline`).not.toMatch(/^[a-z]+:\/\//);
        const path = addonManifest(lab, a.manifest);
        expect(existsSync(join(path, 'kustomization.yaml')), `${where}: a kustomization may pull remote bases`).toBe(false);
        const files = manifestFiles(lab, a.manifest);
        expect(files.length, where).toBeGreaterThan(0);
        for (const f of files) expect(readFileSync(f, 'utf8'), `${where}: ${f}`).not.toMatch(/https?:\/\/\S+\.ya?ml/);
        const images = new Set<string>();
        for (const o of objects(files)) manifestImages(o, images);
        expect([...images].map(normalizeImage).sort(), where).toEqual(a.images.map(normalizeImage).sort());
      }
    }
  });

  it('labs 19 and 25 install the same metrics-server file', () => {
    const file = (id: string) => {
      const lab = byId(id);
      const a = lab.addons.find((x) => x.name === 'metrics-server')!;
      expect(a, `${id} installs metrics-server`).toBeDefined();
      return manifestFiles(lab, a.manifest);
    };
    const [a, b] = [file('lab-19'), file('lab-25')];
    expect(a.map((f) => f.split('/').pop())).toEqual(b.map((f) => f.split('/').pop()));
    a.forEach((f, i) => expect(readFileSync(b[i], 'utf8'), `${b[i]} is a copy of ${f}`).toBe(readFileSync(f, 'utf8')));
  });

  it('metrics-server: the released image, told not to verify the kind kubelets\u2019 self-signed certificates, registered as v1beta1.metrics.k8s.io', () => {
    const lab = byId('lab-19');
    const objs = objects(manifestFiles(lab, lab.addons.find((x) => x.name === 'metrics-server')!.manifest));
    const deploy = objs.find((o) => o.kind === 'Deployment');
    const c = deploy.spec.template.spec.containers[0];
    expect(c.image).toBe('registry.k8s.io/metrics-server/metrics-server:v0.8.1');
    expect(c.args).toEqual(expect.arrayContaining(['--kubelet-insecure-tls', '--secure-port=10250', '--cert-dir=/tmp']));
    expect(c.ports[0].containerPort).toBe(10250);
    const api = objs.find((o) => o.kind === 'APIService');
    expect(api.metadata.name).toBe('v1beta1.metrics.k8s.io');
    expect(api.spec.service).toEqual({ name: 'metrics-server', namespace: 'kube-system' });
    const svc = objs.find((o) => o.kind === 'Service');
    expect(svc.spec.selector).toEqual(deploy.spec.selector.matchLabels);
    expect(deploy.spec.template.spec.serviceAccountName).toBe(objs.find((o) => o.kind === 'ServiceAccount').metadata.name);
  });

  it('VPA: the recommender only, its released image, bound to its service account; the CRDs come from lab up', () => {
    const lab = byId('lab-25');
    const objs = objects(manifestFiles(lab, lab.addons.find((x) => x.name === 'vertical-pod-autoscaler')!.manifest));
    const deploys = objs.filter((o) => o.kind === 'Deployment');
    expect(deploys.map((d) => d.spec.template.spec.containers.map((c: { image: string }) => c.image))).toEqual([['registry.k8s.io/autoscaling/vpa-recommender:1.8.1']]);
    expect(objs.some((o) => o.kind === 'CustomResourceDefinition')).toBe(false);
    const sa = objs.find((o) => o.kind === 'ServiceAccount');
    expect(deploys[0].spec.template.spec.serviceAccountName).toBe(sa.metadata.name);
    const binding = objs.find((o) => o.kind === 'ClusterRoleBinding');
    expect(binding.subjects).toEqual([{ kind: 'ServiceAccount', name: sa.metadata.name, namespace: sa.metadata.namespace }]);
    const role = objs.find((o) => o.kind === 'ClusterRole' && o.metadata.name === binding.roleRef.name);
    const can = (group: string, resource: string, verb: string) =>
      role.rules.some((r: { apiGroups: string[]; resources: string[]; verbs: string[] }) => r.apiGroups.includes(group) && r.resources.includes(resource) && r.verbs.includes(verb));
    expect(can('autoscaling.k8s.io', 'verticalpodautoscalers/status', 'patch')).toBe(true);
    expect(can('autoscaling.k8s.io', 'verticalpodautoscalercheckpoints', 'create')).toBe(true);
    expect(can('metrics.k8s.io', 'pods', 'list')).toBe(true);
    // It recommends; it never changes a Pod.
    expect(role.rules.some((r: { resources: string[]; verbs: string[] }) => r.resources.some((x) => x.startsWith('pods')) && r.verbs.some((v) => !['get', 'list', 'watch'].includes(v)))).toBe(false);
  });
});
