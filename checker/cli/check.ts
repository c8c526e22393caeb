// `npm run check lab-07`: grades a lab and reports. Exit codes: 0 all pass, 1 some fail,
// 2 cannot grade (no cluster, unreachable, denied, a broken lab), 64 usage.
// Startup stays fast: @kubernetes/client-node is imported only once grading starts.
import module from 'node:module';
import { writeFile } from 'node:fs/promises';
import { printable, say } from '../core/i18n.ts';
import { parseCheckArgs, type CheckOptions } from './check-args.ts';
import { LabError, listLabs } from '../lab/load.ts';
import { resolveKubeconfig } from '../cluster/kubeconfig.ts';
import { type ClusterReader } from '../cluster/types.ts';
import { openGrading, type GradingSession } from '../use-cases.ts';
import { renderText, wantsColor } from '../report/text.ts';
import { errorJson, toJson } from '../report/json.ts';
import { renderJunit } from '../report/junit.ts';
import { errorFix } from '../report/words.ts';
import { ClusterError, EXIT } from '../core/errors.ts';

export interface CheckIo {
  stdout: NodeJS.WritableStream & { isTTY?: boolean; hasColors?: () => boolean };
  stderr: NodeJS.WritableStream;
  env: NodeJS.ProcessEnv;
  /** Replaces the real cluster connection (tests hand in a FakeCluster). */
  connect?: (kubeconfig: string, requestTimeoutMs?: number) => Promise<ClusterReader & { close?: () => void }>;
  /** Where labs live (tests point at fixtures). */
  labsDir?: string;
  /** Stops --watch (tests; the CLI stops on SIGINT). */
  signal?: AbortSignal;
}

const WATCH_SECONDS = 2;

export async function runCheck(argv: string[], io: CheckIo): Promise<number> {
  const parsed = parseCheckArgs(argv, io.env);
  if (parsed.kind === 'help') {
    io.stdout.write(`${say(parsed.lang, 'cliUsage')}\n`);
    return EXIT.ok;
  }
  if (parsed.kind === 'usage') {
    io.stderr.write(`${say(parsed.lang, 'cliUsageError', { message: parsed.message })}\n`);
    return EXIT.usage;
  }
  const opts = parsed.options;
  const { lang } = opts;
  const fail = (code: string, message: string, exit: 2 | 64): number => {
    if (opts.json) io.stdout.write(`${JSON.stringify(errorJson(code, message, exit, lang, opts.lab), null, 2)}\n`);
    const fix = errorFix(code, lang, opts.lab);
    io.stderr.write(`${message}${fix ? `\n→ ${fix}` : ''}\n`);
    return exit;
  };

  const { path: kubeconfig } = resolveKubeconfig(opts.kubeconfig, io.env);
  let session: GradingSession;
  try {
    session = await openGrading(opts.lab, { kubeconfig, labsDir: io.labsDir, deadlineMs: opts.deadlineMs, requestTimeoutMs: opts.requestTimeoutMs, connect: io.connect });
  } catch (err) {
    if (err instanceof ClusterError) return fail(err.code, say(lang, 'cliCannotGrade', { id: opts.lab, message: err.message }), EXIT.cluster);
    if (!(err instanceof LabError)) throw err;
    if (err.code === 'invalid-id') return fail(err.code, say(lang, 'cliInvalidId', { id: printable(opts.lab) }), EXIT.usage);
    if (err.code === 'unknown-lab') {
      const labs = await listLabs(io.labsDir).then((l) => l.map((x) => x.id).join(', '), () => '?');
      return fail(err.code, say(lang, 'cliUnknownLab', { id: opts.lab, labs }), EXIT.usage);
    }
    return fail('broken-lab', `${say(lang, 'cliBrokenLab', { id: opts.lab })}\n${err.message}`, EXIT.cluster);
  }

  try {
    if (!opts.watch) return await gradeOnce(session, opts, io);
    return await watch(session, opts, io);
  } catch (err) {
    if (err instanceof ClusterError) return fail(err.code, say(lang, 'cliCannotGrade', { id: session.lab.id, message: err.message }), EXIT.cluster);
    throw err;
  } finally {
    session.close();
  }
}

async function gradeOnce(session: GradingSession, opts: CheckOptions, io: CheckIo): Promise<number> {
  const result = await session.grade();
  if (opts.json) io.stdout.write(`${JSON.stringify(toJson(result, opts.lang), null, 2)}\n`);
  else io.stdout.write(renderText(result, { lang: opts.lang, verbose: opts.verbose, color: wantsColor(io.stdout as NodeJS.WriteStream, io.env) }));
  if (opts.junit) await writeFile(opts.junit, renderJunit(result, opts.lang));
  return result.exitCode;
}

/** Re-grades every few seconds and redraws when the report changes; returns the last exit code on Ctrl-C. */
async function watch(session: GradingSession, opts: CheckOptions, io: CheckIo): Promise<number> {
  const { lab } = session;
  const color = wantsColor(io.stdout as NodeJS.WriteStream, io.env);
  let last = '';
  let code: number = EXIT.cluster;
  while (!io.signal?.aborted) {
    let report: string;
    try {
      const result = await session.grade();
      report = renderText(result, { lang: opts.lang, verbose: opts.verbose, color });
      code = result.exitCode;
    } catch (err) {
      if (!(err instanceof ClusterError)) throw err;
      // The cluster may come back (a restart): keep watching, say what is wrong meanwhile.
      report = `${say(opts.lang, 'cliCannotGrade', { id: lab.id, message: err.message })}\n→ ${errorFix(err.code, opts.lang, lab.id) ?? ''}\n`;
      code = EXIT.cluster;
    }
    if (report !== last) {
      if ((io.stdout as { isTTY?: boolean }).isTTY) io.stdout.write('\x1b[2J\x1b[H');
      io.stdout.write(report);
      last = report;
    }
    io.stdout.write(`\r${say(opts.lang, 'watching', { time: new Date().toLocaleTimeString(opts.lang), seconds: WATCH_SECONDS })}`);
    await new Promise<void>((resolve) => {
      const t = setTimeout(resolve, WATCH_SECONDS * 1000);
      io.signal?.addEventListener('abort', () => (clearTimeout(t), resolve()), { once: true });
    });
  }
  io.stdout.write('\n');
  return code;
}

if (import.meta.main) {
  // Caches compiled modules on disk: the client library's thousand files load faster the second time.
  module.enableCompileCache?.();
  const ac = new AbortController();
  // Only --watch stops gracefully on Ctrl-C; a single check just ends.
  if (process.argv.includes('--watch')) process.once('SIGINT', () => ac.abort());
  const code = await runCheck(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, env: process.env, signal: ac.signal });
  process.exitCode = code;
}
