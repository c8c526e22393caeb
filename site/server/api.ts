// The local server's JSON API, used by the lab page (and usable by scripts with the token):
//   GET  /api/session                 → 200 when the token is right (the page's "am I live?")
//   GET  /api/progress                → every lab's progress
//   GET  /api/labs/:id                → the cluster's status and this lab's progress
//   POST /api/labs/:id/check?lang=ko  → grades the lab (the CLI's JSON report), records progress
//   POST /api/labs/:id/up|reset       → sets the lab up / back, streaming progress as JSON lines
// A lab id is only ever a key into the catalogue: request text never reaches a path or a command.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { listLabs, type LoadedLab } from '../../checker/lab/load.ts';
import { loadChecks } from '../../checker/checks/define.ts';
import { resolveKubeconfig } from '../../checker/cluster/kubeconfig.ts';
import { grade } from '../../checker/engine/grade.ts';
import { toJson } from '../../checker/report/json.ts';
import { errorFix } from '../../checker/report/words.ts';
import { ClusterError, fromClusterError, LifecycleError } from '../../checker/core/errors.ts';
import { ensureCluster, openLabTarget, setUpLab, type LabTarget } from '../../checker/lifecycle/up.ts';
import { resetLab } from '../../checker/lifecycle/reset.ts';
import { status } from '../../checker/lifecycle/status.ts';
import { msg } from '../../checker/core/messages.ts';
import type { Progress } from '../../checker/lifecycle/progress.ts';
import type { ProviderName } from '../../checker/core/state.ts';
import type { System } from '../../checker/providers/system.ts';
import type { Lang } from '../../checker/core/i18n.ts';
import type { Auth } from './auth.ts';
import type { ProgressStore } from './progress-store.ts';
import { requestUrl } from './request.ts';

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
    if (!url) return json(res, 400, { error: { code: 'bad-request', message: 'The address is not a path on this server.' } });
    const lang: Lang = url.searchParams.get('lang') === 'ko' ? 'ko' : 'en';
    if (!o.auth.allowed(req)) {
      return json(res, 401, { error: { code: 'token', message: lang === 'ko' ? '토큰이 없거나 맞지 않습니다. `npm start`가 출력한 주소로 페이지를 여세요.' : 'Missing or wrong token. Open the page from the URL that `npm start` printed.' } });
    }
    if (req.method !== 'GET' && !o.auth.sameOrigin(req)) {
      return json(res, 403, { error: { code: 'origin', message: 'Requests that change things must come from the course page itself.' } });
    }
    const parts = url.pathname.split('/').filter(Boolean); // ['api', …]
    try {
      if (req.method === 'GET' && parts.length === 2 && parts[1] === 'session') return json(res, 200, { ok: true, busy: busy ?? null });
      if (req.method === 'GET' && parts.length === 2 && parts[1] === 'progress') return json(res, 200, await o.progress.read());
      if (parts[1] !== 'labs' || parts.length < 3 || parts.length > 4) return notFound(res);

      const lab = (await listLabs(o.labsDir)).find((l) => l.id === parts[2]);
      if (!lab) {
        return json(res, 404, { error: { code: 'unknown-lab', message: lang === 'ko' ? `그런 실습은 없습니다: ${printable(parts[2])}` : `There is no lab called "${printable(parts[2])}".` } });
      }
      const action = parts[3];
      if (req.method === 'GET' && action === undefined) {
        const [cluster, progress] = await Promise.all([status(kubeconfig().path), o.progress.read()]);
        return json(res, 200, { lab: lab.id, cluster: { reachable: cluster.reachable, provider: cluster.record?.provider ?? null, simulated: cluster.simulated ?? null, currentLab: cluster.currentLab ?? null, labsUp: cluster.labs ?? [], ownership: cluster.ownership ?? null }, progress: progress.labs[lab.id] ?? null });
      }
      if (req.method === 'POST' && action === 'check') return await check(lab, lang, res);
      if (req.method === 'POST' && (action === 'up' || action === 'reset')) {
        if (busy) return json(res, 409, { error: { code: 'busy', message: lang === 'ko' ? `다른 작업이 진행 중입니다: ${busy}` : `Another step is running: ${busy}` } });
        const provider = url.searchParams.get('provider');
        if (provider !== null && provider !== 'kind' && provider !== 'kwok') return json(res, 400, { error: { code: 'usage', message: 'provider must be kind or kwok' } });
        busy = `${action} ${lab.id}`;
        try {
          return await lifecycle(action, lab, lang, (provider ?? o.provider) as ProviderName | undefined, res);
        } finally {
          busy = undefined;
        }
      }
      return notFound(res);
    } catch (err) {
      console.error(err);
      if (!res.headersSent) json(res, 500, { error: { code: 'internal', message: (err as Error).message } });
      else res.end();
    }
  };

  async function check(lab: LoadedLab, lang: Lang, res: ServerResponse): Promise<void> {
    const checks = await loadChecks(lab);
    let reader;
    try {
      reader = await (await import('../../checker/cluster/grading.ts')).connectForGrading(kubeconfig().path);
      const result = await grade(lab, checks, { reader, deadlineMs: o.checkDeadlineMs });
      const progress = await o.progress.record(result);
      return json(res, 200, { result: toJson(result, lang), progress });
    } catch (err) {
      if (!(err instanceof ClusterError)) throw err;
      return json(res, 503, { error: { code: err.code, message: err.message, fix: errorFix(err.code, lang, lab.id) ?? null } });
    } finally {
      reader?.close();
    }
  }

  /** Streams the steps as JSON lines: {"t":"step"|"done"|"info"|"warn"|"error"|"end", …}. */
  async function lifecycle(action: 'up' | 'reset', lab: LoadedLab, lang: Lang, provider: ProviderName | undefined, res: ServerResponse): Promise<void> {
    res.writeHead(200, { 'content-type': 'application/x-ndjson; charset=utf-8', 'cache-control': 'no-store' });
    const send = (m: object) => res.write(`${JSON.stringify(m)}\n`);
    const progress: Progress = {
      async step(text, fn) {
        const t0 = performance.now();
        send({ t: 'step', text });
        try {
          const r = await fn((detail) => detail && send({ t: 'detail', text: detail }));
          send({ t: 'done', text, seconds: Number(((performance.now() - t0) / 1000).toFixed(1)) });
          return r;
        } catch (err) {
          send({ t: 'failed', text });
          throw err;
        }
      },
      info: (text) => send({ t: 'info', text }),
      warn: (text) => send({ t: 'warn', text }),
    };
    const opts = { sys: o.sys, progress, lang };
    let target: LabTarget | undefined;
    try {
      if (action === 'up') {
        target = await ensureCluster({ ...opts, kubeconfig: kubeconfig(), provider });
        await setUpLab(target, lab, opts);
        send({ t: 'end', ok: true, text: msg(lang, 'upDone', { lab: lab.id, namespace: lab.namespace, kubeconfig: target.state.kubeconfig }) });
      } else {
        target = await openLabTarget(kubeconfig().path, o.sys);
        const report = await resetLab(target, lab, opts);
        send({ t: 'end', ok: true, text: msg(lang, 'resetDone', { lab: lab.id, seconds: (report.durationMs / 1000).toFixed(1) }) });
      }
    } catch (err) {
      const e = err instanceof ClusterError ? fromClusterError(err) : err;
      if (!(e instanceof LifecycleError)) throw e;
      send({ t: 'end', ok: false, code: e.code, exitCode: e.exitCode, text: e.say(lang) });
    } finally {
      target?.api.close();
      res.end();
    }
  }
}

function json(res: ServerResponse, code: number, body: unknown): void {
  res.writeHead(code, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(`${JSON.stringify(body)}\n`);
}

function notFound(res: ServerResponse): void {
  json(res, 404, { error: { code: 'not-found', message: 'No such API route. Routes: GET /api/session, GET /api/progress, GET /api/labs/:id, POST /api/labs/:id/check|up|reset' } });
}

/** A lab id as it may be shown back: no control characters, not too long. */
function printable(text: string): string {
  let decoded = text;
  try {
    decoded = decodeURIComponent(text);
  } catch {
    // shown as sent
  }
  const clean = decoded.replace(/[\u0000-\u001f\u007f]/g, '?');
  return clean.length > 60 ? `${clean.slice(0, 57)}...` : clean;
}
