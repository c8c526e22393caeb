// The local server's JSON API, used by the lab page (and usable by scripts with the token):
//   GET  /api/session                 → 200 when the token is right (the page's "am I live?")
//   GET  /api/progress                → every lab's progress
//   GET  /api/labs/:id                → the cluster's status and this lab's progress
//   POST /api/labs/:id/check?lang=ko  → grades the lab (the CLI's JSON report), records progress
//   POST /api/labs/:id/up|reset       → sets the lab up / back, streaming progress as JSON lines
// A lab id is only ever a key into the catalogue: request text never reaches a path or a command.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Auth } from './auth.ts';
import type { ProgressStore } from './progress-store.ts';
import { requestUrl } from './request.ts';
import { listLabs, type LoadedLab, resolveKubeconfig, toJson, errorFix, ClusterError, LifecycleError, checkLab, clusterStatus, labReset, labUp, eventProgress, type ProviderName, type System, printable, say, type Lang } from '../../checker/use-cases.ts';

export interface ApiOptions {
  auth: Auth;
  progress: ProgressStore;
  labsDir: string;
  sys: System;
  /** The provider `up` uses when the page does not choose (undefined: kind if Docker runs, else kwok). */
  provider?: 'kind' | 'kwok';
  /** How long a check polls converging status (ms). */
  checkDeadlineMs?: number;
}

type Handler = (req: IncomingMessage, res: ServerResponse) => Promise<void>;

export function createApi(o: ApiOptions): Handler {
  let busy: string | undefined;
  const kubeconfig = () => resolveKubeconfig(undefined, o.sys.env);

  return async (req, res) => {
    const url = requestUrl(req);
    const lang: Lang = url?.searchParams.get('lang') === 'ko' ? 'ko' : 'en';
    if (!url) return json(res, 400, { error: { code: 'bad-request', message: say(lang, 'serverBadAddress') } });
    if (!o.auth.allowed(req)) {
      return json(res, 401, { error: { code: 'token', message: say(lang, 'serverToken') } });
    }
    if (req.method !== 'GET' && !o.auth.sameOrigin(req)) {
      return json(res, 403, { error: { code: 'origin', message: say(lang, 'serverOrigin') } });
    }
    const parts = url.pathname.split('/').filter(Boolean); // ['api', …]
    try {
      if (req.method === 'GET' && parts.length === 2 && parts[1] === 'session') return json(res, 200, { ok: true, busy: busy ?? null });
      if (req.method === 'GET' && parts.length === 2 && parts[1] === 'progress') return json(res, 200, await o.progress.read());
      if (parts[1] !== 'labs' || parts.length < 3 || parts.length > 4) return notFound(res, lang);

      const lab = (await listLabs(o.labsDir)).find((l) => l.id === parts[2]);
      if (!lab) {
        return json(res, 404, { error: { code: 'unknown-lab', message: say(lang, 'serverUnknownLab', { id: shownId(parts[2]) }) } });
      }
      const action = parts[3];
      if (req.method === 'GET' && action === undefined) {
        const [cluster, progress] = await Promise.all([clusterStatus(kubeconfig().path), o.progress.read()]);
        return json(res, 200, { lab: lab.id, cluster: { reachable: cluster.reachable, provider: cluster.record?.provider ?? null, simulated: cluster.simulated ?? null, currentLab: cluster.currentLab ?? null, labsUp: cluster.labs ?? [], ownership: cluster.ownership ?? null }, progress: progress.labs[lab.id] ?? null });
      }
      if (req.method === 'POST' && action === 'check') return await check(lab, lang, res);
      if (req.method === 'POST' && (action === 'up' || action === 'reset')) {
        if (busy) return json(res, 409, { error: { code: 'busy', message: say(lang, 'serverBusy', { step: busy }) } });
        const provider = url.searchParams.get('provider');
        if (provider !== null && provider !== 'kind' && provider !== 'kwok') return json(res, 400, { error: { code: 'usage', message: say(lang, 'serverProvider') } });
        busy = `${action} ${lab.id}`;
        try {
          return await lifecycle(action, lab, lang, (provider ?? o.provider) as ProviderName | undefined, res);
        } finally {
          busy = undefined;
        }
      }
      return notFound(res, lang);
    } catch (err) {
      console.error(err);
      if (!res.headersSent) json(res, 500, { error: { code: 'internal', message: (err as Error).message } });
      else res.end();
    }
  };

  async function check(lab: LoadedLab, lang: Lang, res: ServerResponse): Promise<void> {
    try {
      const result = await checkLab(lab, { kubeconfig: kubeconfig().path, deadlineMs: o.checkDeadlineMs });
      const progress = await o.progress.record(result);
      return json(res, 200, { result: toJson(result, lang), progress });
    } catch (err) {
      if (!(err instanceof ClusterError)) throw err;
      return json(res, 503, { error: { code: err.code, message: err.message, fix: errorFix(err.code, lang, lab.id) ?? null } });
    }
  }

  /** Streams the steps as JSON lines: {"t":"step"|"detail"|"done"|"failed"|"info"|"warn"|"end", …}. */
  async function lifecycle(action: 'up' | 'reset', lab: LoadedLab, lang: Lang, provider: ProviderName | undefined, res: ServerResponse): Promise<void> {
    res.writeHead(200, { 'content-type': 'application/x-ndjson; charset=utf-8', 'cache-control': 'no-store' });
    const send = (m: object) => res.write(`${JSON.stringify(m)}\n`);
    const opts = { sys: o.sys, progress: eventProgress(send), lang };
    try {
      if (action === 'up') {
        const r = await labUp(lab, { ...opts, kubeconfig: kubeconfig(), provider });
        send({ t: 'end', ok: true, text: say(lang, 'upDone', { lab: lab.id, namespace: lab.namespace, kubeconfig: r.kubeconfig }) });
      } else {
        const r = await labReset(lab, { ...opts, kubeconfig: kubeconfig().path });
        send({ t: 'end', ok: true, text: say(lang, 'resetDone', { lab: lab.id, seconds: (r.durationMs / 1000).toFixed(1) }) });
      }
    } catch (err) {
      if (!(err instanceof LifecycleError)) throw err;
      send({ t: 'end', ok: false, code: err.code, exitCode: err.exitCode, text: err.say(lang) });
    } finally {
      res.end();
    }
  }
}

function json(res: ServerResponse, code: number, body: unknown): void {
  res.writeHead(code, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(`${JSON.stringify(body)}\n`);
}

function notFound(res: ServerResponse, lang: Lang): void {
  json(res, 404, { error: { code: 'not-found', message: say(lang, 'serverNoRoute') } });
}

/** A lab id from the address as it may be shown back: decoded, no control characters, not too long. */
function shownId(text: string): string {
  try {
    return printable(decodeURIComponent(text));
  } catch {
    return printable(text);
  }
}
