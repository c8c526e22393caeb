// Reading a request's target without ever throwing: anyone who can reach the port (any web page,
// through an <img>) chooses it, and one exception must not end the server and every shell with it.
import type { IncomingMessage } from 'node:http';

const BASE = 'http://wheelhouse.invalid';

/**
 * The request target as a URL, or undefined when it is not a plain path on this server: not
 * starting with "/", not parseable ("//", "//["), or read as another host ("//evil.example/").
 */
export function requestUrl(req: Pick<IncomingMessage, 'url'>): URL | undefined {
  const target = req.url ?? '';
  if (!target.startsWith('/')) return undefined;
  let url: URL;
  try {
    url = new URL(target, BASE);
  } catch {
    return undefined;
  }
  return url.origin === BASE ? url : undefined;
}
