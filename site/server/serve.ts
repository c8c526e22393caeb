// Starts the local server for `npm start` (and the tests that run it as a program): a process-level
// guard, the address, the server's own *.localhost name, and the start URL that matches them.
//
// Why a name of its own: cookies are not separated by port, so a token cookie set for 127.0.0.1
// would also go to every other server on 127.0.0.1 — the course's own `kubectl port-forward …
// 8080:80` hands it to a Pod. Browsers resolve every *.localhost name to loopback (RFC 6761), and a
// cookie set for wh-3f9a2c1d.localhost goes to that name only (#14).
import { randomBytes } from 'node:crypto';
import { hostname, networkInterfaces } from 'node:os';
import { isIP, type AddressInfo } from 'node:net';
import { createLiveServer, type LiveServer, type LiveServerOptions } from './live.ts';

export const LOOPBACK_HOSTS = ['127.0.0.1', 'localhost', '::1'];

/** A per-run host name under .localhost; WHEELHOUSE_SITE_NAME fixes it (tests). */
export function siteName(env: NodeJS.ProcessEnv = process.env): string {
  const fixed = env.WHEELHOUSE_SITE_NAME;
  if (fixed) {
    if (!/^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.localhost$/.test(fixed)) throw new Error(`WHEELHOUSE_SITE_NAME must be one name under .localhost, like wh-test.localhost, not "${fixed}".`);
    return fixed;
  }
  return `wh-${randomBytes(4).toString('hex')}.localhost`;
}

/** An address as it goes into a URL: IPv6 in brackets. */
export const urlHost = (address: string) => (isIP(address) === 6 ? `[${address}]` : address);

const wildcard = (host: string) => host === '0.0.0.0' || host === '::';

/** The names a server bound to `host` answers to, besides the loopback ones. */
export function hostNames(host: string, name: string): string[] {
  if (LOOPBACK_HOSTS.includes(host)) return [name];
  if (!wildcard(host)) return [name, urlHost(host)];
  const addresses = Object.values(networkInterfaces()).flatMap((l) => l ?? []).map((a) => urlHost(a.address));
  return [name, ...addresses, hostname()];
}

export interface StartUrls {
  /** The link to open. */
  url: string;
  /** The same with the address the server listens on, for a browser that does not resolve *.localhost names. */
  fallback?: string;
}

/** The start URLs for the address the server really listens on (not the one asked for: "localhost" may be ::1). */
export function startUrls(bound: AddressInfo, host: string, name: string, token: string): StartUrls {
  const query = `/?token=${token}`;
  const literal = `http://${urlHost(bound.address)}:${bound.port}${query}`;
  if (LOOPBACK_HOSTS.includes(host)) return { url: `http://${name}:${bound.port}${query}`, fallback: literal };
  if (!wildcard(host)) return { url: literal };
  const outside = Object.values(networkInterfaces()).flatMap((l) => l ?? []).find((a) => !a.internal && a.family === 'IPv4');
  return { url: `http://${outside ? outside.address : hostname()}:${bound.port}${query}`, fallback: literal };
}

let guarded = false;

/**
 * The last line of defence: an exception no handler caught is logged and the server keeps
 * serving, rather than ending every learner's shell with it.
 */
export function installProcessGuard(log: (message: string) => void = (m) => console.error(m)): void {
  if (guarded) return;
  guarded = true;
  process.on('uncaughtException', (err) => log(`wheelhouse: an unexpected error, the server keeps running: ${err.stack ?? err}`));
  process.on('unhandledRejection', (err) => log(`wheelhouse: an unexpected error, the server keeps running: ${(err as Error)?.stack ?? err}`));
}

export interface ServeOptions extends Omit<LiveServerOptions, 'names'> {
  host: string;
}

export interface Served extends LiveServer {
  name: string;
  urls: StartUrls;
}

/** Creates the live server, listens, and says where. Rejects when the address cannot be used. */
export async function serve(o: ServeOptions): Promise<Served> {
  installProcessGuard();
  const name = siteName(o.env ?? process.env);
  const live = createLiveServer({ ...o, names: hostNames(o.host, name) });
  await new Promise<void>((resolve, reject) => {
    live.server.once('error', reject);
    live.server.listen(o.port, o.host, () => {
      live.server.off('error', reject);
      resolve();
    });
  });
  const bound = live.server.address() as AddressInfo;
  return { ...live, name, urls: startUrls(bound, o.host, name, live.auth.token) };
}
