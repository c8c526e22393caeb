import { describe, expect, it } from 'vitest';
import { exactly, image, match, quantity, some } from '../../checker/index.ts';
import { parseImage, parseQuantity, sameImage, sameQuantity } from '../../checker/checks/values.ts';
import type { KObject } from '../../checker/cluster/types.ts';

const pod = (image: string, cpu: string): KObject => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name: 'web', namespace: 'lab-00' },
  spec: { containers: [{ name: 'web', image, resources: { limits: { cpu } } }] },
});

describe('image references', () => {
  it('reads them as Docker does', () => {
    expect(parseImage('nginx')).toEqual({ registry: 'docker.io', repository: 'library/nginx', tag: 'latest' });
    expect(parseImage('registry.k8s.io/pause:3.10')).toEqual({ registry: 'registry.k8s.io', repository: 'pause', tag: '3.10' });
    expect(parseImage('localhost:5000/team/app:v2')).toEqual({ registry: 'localhost:5000', repository: 'team/app', tag: 'v2' });
    expect(parseImage('nginx@sha256:abc')).toEqual({ registry: 'docker.io', repository: 'library/nginx', digest: 'sha256:abc' });
  });

  it('takes every spelling of the same image, and no other image', () => {
    for (const same of ['nginx:1.27', 'docker.io/library/nginx:1.27', 'index.docker.io/library/nginx:1.27', 'docker.io/nginx:1.27']) {
      expect(sameImage(same, 'nginx:1.27'), same).toBe(true);
    }
    for (const other of ['nginx', 'nginx:latest', 'nginx:1.27-alpine', 'nginx:1.27.0', 'ghcr.io/library/nginx:1.27', 'bitnami/nginx:1.27', 'nginx:1.27@sha256:abc']) {
      expect(sameImage(other, 'nginx:1.27'), other).toBe(false);
    }
    expect(sameImage('pause:3.10', 'registry.k8s.io/pause:3.10')).toBe(false);
    expect(sameImage(undefined, 'nginx:1.27')).toBe(false);
  });

  it('is a matcher that reports the reference it wanted', () => {
    const obs = (ref: string) => match(pod(ref, '1'), { spec: { containers: exactly([{ image: image('nginx:1.27') }]) } });
    expect(obs('docker.io/library/nginx:1.27').every((o) => o.ok)).toBe(true);
    expect(obs('nginx').filter((o) => !o.ok)).toMatchObject([{ path: 'spec.containers[0].image', expected: 'nginx:1.27', found: 'nginx' }]);
  });
});

describe('quantities', () => {
  it('parses every suffix and exponent', () => {
    expect(parseQuantity('500m')).toBeCloseTo(0.5);
    expect(parseQuantity('0.5')).toBe(0.5);
    expect(parseQuantity('128Mi')).toBe(134217728);
    expect(parseQuantity('134217728')).toBe(134217728);
    expect(parseQuantity('128M')).toBe(128e6);
    expect(parseQuantity('1e3')).toBe(1000);
    expect(parseQuantity('1E')).toBe(1e18);
    expect(parseQuantity(2)).toBe(2);
    expect(parseQuantity('2 cores')).toBeUndefined();
    expect(parseQuantity('5X')).toBeUndefined();
    expect(parseQuantity(undefined)).toBeUndefined();
  });

  it('compares by value, not by spelling', () => {
    expect(sameQuantity('0.1', '100m')).toBe(true);
    expect(sameQuantity('2000m', '2')).toBe(true);
    expect(sameQuantity('0.125Gi', '128Mi')).toBe(true);
    expect(sameQuantity('134217728', '128Mi')).toBe(true);
    expect(sameQuantity('128M', '128Mi')).toBe(false);
    expect(sameQuantity('500', '500m')).toBe(false);
    expect(sameQuantity(undefined, '0')).toBe(false);
  });

  it('is a matcher', () => {
    const obs = (cpu: string) => match(pod('nginx:1.27', cpu), { spec: { containers: some({ resources: { limits: { cpu: quantity('500m') } } }) } });
    expect(obs('0.5').every((o) => o.ok)).toBe(true);
    expect(obs('500')).toMatchObject([{ ok: false, expected: '500m', found: '500', path: 'spec.containers[0].resources.limits.cpu' }]);
  });
});
