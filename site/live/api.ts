// The page's calls to the local server. The token travels in an HttpOnly cookie set from the start
// URL, so these are plain same-origin requests.
import type { JsonResult } from '../../checker/report/json.ts';
import type { LabProgress, ProgressFile } from '../server/progress-store.ts';

export type { JsonResult, LabProgress, ProgressFile };

export interface ApiError {
  code: string;
  message: string;
  fix?: string | null;
}

const liveCookie = () => `wheelhouse-live-${location.port || (location.protocol === 'https:' ? 443 : 80)}`;

/** A cheap first test, without a request: the server set this cookie with the token (auth.ts). */
export function maybeLive(): boolean {
  return document.cookie.split('; ').includes(`${liveCookie()}=1`);
}

/** True when the page is served by `npm start` and this browser holds the run's token. */
export async function isLive(): Promise<boolean> {
  if (!maybeLive()) return false;
  try {
    const r = await fetch('/api/session', { cache: 'no-store' });
    // A token from an earlier run: forget it, the page stays static until the new link is opened.
    if (r.status === 401) document.cookie = `${liveCookie()}=; Max-Age=0; Path=/`;
    return r.ok;
  } catch {
    return false;
  }
}

async function call<T>(method: string, path: string): Promise<T> {
  const r = await fetch(path, { method, cache: 'no-store' });
  const body = await r.json().catch(() => ({ error: { code: 'http', message: `${r.status} ${r.statusText}` } }));
  if (!r.ok) throw Object.assign(new Error(body.error?.message ?? r.statusText), { api: body.error as ApiError });
  return body as T;
}

export const checkLab = (lab: string, lang: string) => call<{ result: JsonResult; progress: LabProgress }>('POST', `/api/labs/${encodeURIComponent(lab)}/check?lang=${lang}`);
export const labStatus = (lab: string) =>
  call<{ lab: string; cluster: { reachable: boolean; provider: string | null; simulated: boolean | null; currentLab: string | null; labsUp: string[] }; progress: LabProgress | null }>('GET', `/api/labs/${encodeURIComponent(lab)}`);

export interface StepEvent {
  t: 'step' | 'detail' | 'done' | 'failed' | 'info' | 'warn' | 'end';
  text: string;
  ok?: boolean;
  seconds?: number;
}

/** Runs `up` or `reset` for a lab, calling `onEvent` for each progress line as it arrives. */
export async function lifecycle(lab: string, action: 'up' | 'reset', lang: string, onEvent: (e: StepEvent) => void, provider?: string): Promise<boolean> {
  const q = new URLSearchParams({ lang, ...(provider ? { provider } : {}) });
  const r = await fetch(`/api/labs/${encodeURIComponent(lab)}/${action}?${q}`, { method: 'POST', cache: 'no-store' });
  if (!r.ok || !r.body) {
    const body = await r.json().catch(() => ({}));
    onEvent({ t: 'end', ok: false, text: body.error?.message ?? `${r.status} ${r.statusText}` });
    return false;
  }
  const reader = r.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  let ok = false;
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    buffer += value;
    let nl;
    while ((nl = buffer.indexOf('\n')) >= 0) {
      const line = buffer.slice(0, nl);
      buffer = buffer.slice(nl + 1);
      if (!line) continue;
      const e = JSON.parse(line) as StepEvent;
      if (e.t === 'end') ok = !!e.ok;
      onEvent(e);
    }
  }
  return ok;
}
