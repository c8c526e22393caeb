// The suite's own kwok cluster, made by the kwok provider with the real kwokctl (#14): its private
// keys are readable by the owner only, its work folder can be entered by the owner only, and its
// API server authorizes (a KWOK_KUBE_AUTHORIZATION=false in the environment would have made it
// allow everything to everyone).
import { describe, expect, it } from 'vitest';
import { readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { kubectl, testCluster } from '../support/cluster.ts';

const mode = (path: string) => (statSync(path).mode & 0o777).toString(8);

describe('the kwok cluster\'s files and authorization', () => {
  it('keys 0600 in a work folder 0700', () => {
    const workdir = join(dirname(testCluster().kubeconfig), 'kwok');
    expect(mode(workdir)).toBe('700');
    const keys = readdirSync(join(workdir, 'clusters')).flatMap((c) =>
      readdirSync(join(workdir, 'clusters', c, 'pki'))
        .filter((f) => f.endsWith('.key'))
        .map((f) => join(workdir, 'clusters', c, 'pki', f)),
    );
    expect(keys.length).toBeGreaterThanOrEqual(2);
    for (const k of keys) expect(mode(k), k).toBe('600');
  });

  it('a user with no role may do nothing', async () => {
    const r = await kubectl(['auth', 'can-i', 'list', 'secrets', '--all-namespaces', '--as', 'someone-without-a-role']);
    expect(r.stdout.trim()).toBe('no');
  });
});
