// The start URL `npm start` prints matches the address the server really listens on (#14): on ::1
// it is [::1], not 127.0.0.1; the link's own name (wh-<random>.localhost) is answered on it too.
import { afterAll, describe, expect, it } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { request } from 'node:http';
import { join } from 'node:path';
import { repoRoot } from '../../checker/core/paths.ts';
import { hostNames, siteName, startUrls } from '../../site/server/serve.ts';

const children: ChildProcess[] = [];
afterAll(() => children.forEach((c) => c.kill('SIGTERM')));

async function serveOn(host: string) {
  const child = spawn(process.execPath, [join(repoRoot, 'test', 'support', 'serve-site.ts'), '--host', host], { cwd: repoRoot, stdio: ['ignore', 'pipe', 'inherit'] });
  children.push(child);
  return new Promise<{ port: number; token: string; name: string; url: string; fallback: string | null }>((resolve, reject) => {
    child.stdout!.once('data', (d) => resolve(JSON.parse(String(d).split('\n')[0])));
    child.once('exit', (code) => reject(new Error(`serve-site ended: ${code}`)));
  });
}

/** GET a URL's path on the address the URL names, with a Host header of our choosing. */
function get(url: string, host: string): Promise<{ status: number; location?: string }> {
  const u = new URL(url);
  return new Promise((resolve, reject) => {
    request({ host: u.hostname.replace(/^\[|\]$/g, ''), port: u.port, path: `${u.pathname}${u.search}`, headers: { host } }, (res) => {
      res.resume();
      resolve({ status: res.statusCode ?? 0, location: res.headers.location });
    })
      .on('error', reject)
      .end();
  });
}

describe('the printed start URL', { timeout: 30_000 }, () => {
  it('on ::1 says [::1], and both it and the server\'s name open the course', async () => {
    const s = await serveOn('::1');
    expect(s.fallback).toBe(`http://[::1]:${s.port}/?token=${s.token}`);
    expect(s.url).toBe(`http://${s.name}:${s.port}/?token=${s.token}`);
    expect(await get(s.fallback!, `[::1]:${s.port}`)).toEqual({ status: 303, location: '/' });
    // A browser resolves the name to loopback and sends it as the Host.
    expect(await get(s.fallback!, `${s.name}:${s.port}`)).toEqual({ status: 303, location: '/' });
  });

  it('on 127.0.0.1 says 127.0.0.1', async () => {
    const s = await serveOn('127.0.0.1');
    expect(s.fallback).toBe(`http://127.0.0.1:${s.port}/?token=${s.token}`);
    expect((await get(s.fallback!, `${s.name}:${s.port}`)).status).toBe(303);
  });

  it('for an address that is not loopback is that address, which the server then also answers to', () => {
    const name = siteName({});
    expect(name).toMatch(/^wh-[0-9a-f]{8}\.localhost$/);
    expect(startUrls({ address: '192.0.2.7', port: 4321, family: 'IPv4' }, '192.0.2.7', name, 't')).toEqual({ url: 'http://192.0.2.7:4321/?token=t' });
    expect(startUrls({ address: 'fd00::7', port: 4321, family: 'IPv6' }, 'fd00::7', name, 't')).toEqual({ url: 'http://[fd00::7]:4321/?token=t' });
    expect(hostNames('fd00::7', name)).toEqual([name, '[fd00::7]']);
    expect(hostNames('127.0.0.1', name)).toEqual([name]);
    expect(() => siteName({ WHEELHOUSE_SITE_NAME: 'evil.example' })).toThrow(/\.localhost/);
  });
});
