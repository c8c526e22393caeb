// `npm run check lab-07`: grades a lab and reports. Exit codes: 0 all pass, 1 some fail,
// 2 cannot grade (no cluster, unreachable, denied, a broken lab), 64 usage.
// Startup stays fast: @kubernetes/client-node is imported only once grading starts.
import module from 'node:module';
import { writeFile } from 'node:fs/promises';
import { say } from '../core/i18n.ts';
import { parseCheckArgs, type CheckOptions } from './check-args.ts';
import { LabError, listLabs, loadLab, type LoadedLab } from '../lab/load.ts';
import { loadChecks, type Checks } from '../checks/define.ts';
import { resolveKubeconfig } from '../cluster/kubeconfig.ts';
import { type ClusterReader } from '../cluster/types.ts';
import { grade } from '../engine/grade.ts';
import { renderText, wantsColor } from '../report/text.ts';
import { errorJson, toJson } from '../report/json.ts';
import { renderJunit } from '../report/junit.ts';
import { errorFix } from '../report/words.ts';
import { ClusterError } from '../core/errors.ts';

export const EXIT = { pass: 0, fail: 1, cannotGrade: 2, usage: 64 } as const;

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
    return EXIT.pass;
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

  let lab: LoadedLab;
  let checks: Checks;
  try {
    lab = await loadLab(opts.lab, io.labsDir);
    checks = await loadChecks(lab);
  } catch (err) {
    if (!(err instanceof LabError)) throw err;
    if (err.code === 'invalid-id') return fail(err.code, say(lang, 'cliInvalidId', { id: printable(opts.lab) }), EXIT.usage);
    if (err.code === 'unknown-lab') {
      const labs = await listLabs(io.labsDir).then((l) => l.map((x) => x.id).join(', '), () => '?');
      return fail(err.code, say(lang, 'cliUnknownLab', { id: opts.lab, labs }), EXIT.usage);
    }
    return fail('broken-lab', `${say(lang, 'cliBrokenLab', { id: opts.lab })}\n${err.message}`, EXIT.cannotGrade);
  }

  const { path: kubeconfig } = resolveKubeconfig(opts.kubeconfig, io.env);
  let reader: ClusterReader & { close?: () => void };
  try {
    const connect = io.connect ?? (async (path: string, ms?: number) => (await import('../cluster/grading.ts')).connectForGrading(path, ms));
    reader = await connect(kubeconfig, opts.requestTimeoutMs);
  } catch (err) {
    if (err instanceof ClusterError) return fail(err.code, say(lang, 'cliCannotGrade', { id: lab.id, message: err.message }), EXIT.cannotGrade);
    throw err;
  }

  try {
    if (!opts.watch) return await gradeOnce(lab, checks, reader, opts, io);
    return await watch(lab, checks, reader, opts, io);
  } catch (err) {
    if (err instanceof ClusterError) return fail(err.code, say(lang, 'cliCannotGrade', { id: lab.id, message: err.message }), EXIT.cannotGrade);
    throw err;
  } finally {
    reader.close?.();
  }
}

async function gradeOnce(lab: LoadedLab, checks: Checks, reader: ClusterReader, opts: CheckOptions, io: CheckIo): Promise<number> {
  const result = await grade(lab, checks, { reader, deadlineMs: opts.deadlineMs });
  if (opts.json) io.stdout.write(`${JSON.stringify(toJson(result, opts.lang), null, 2)}\n`);
  else io.stdout.write(renderText(result, { lang: opts.lang, verbose: opts.verbose, color: wantsColor(io.stdout as NodeJS.WriteStream, io.env) }));
  if (opts.junit) await writeFile(opts.junit, renderJunit(result, opts.lang));
  return result.exitCode;
}

/** Re-grades every few seconds and redraws when the report changes; returns the last exit code on Ctrl-C. */
async function watch(lab: LoadedLab, checks: Checks, reader: ClusterReader, opts: CheckOptions, io: CheckIo): Promise<number> {
  const color = wantsColor(io.stdout as NodeJS.WriteStream, io.env);
  let last = '';
  let code: number = EXIT.cannotGrade;
  while (!io.signal?.aborted) {
    let report: string;
    try {
      const result = await grade(lab, checks, { reader, deadlineMs: opts.deadlineMs });
      report = renderText(result, { lang: opts.lang, verbose: opts.verbose, color });
      code = result.exitCode;
    } catch (err) {
      if (!(err instanceof ClusterError)) throw err;
      // The cluster may come back (a restart): keep watching, say what is wrong meanwhile.
      report = `${say(opts.lang, 'cliCannotGrade', { id: lab.id, message: err.message })}\n→ ${errorFix(err.code, opts.lang, lab.id) ?? ''}\n`;
      code = EXIT.cannotGrade;
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

function printable(text: string): string {
  const clean = text.replace(/[\u0000-\u001f\u007f]/g, '?');
  return clean.length > 60 ? `${clean.slice(0, 57)}...` : clean;
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
