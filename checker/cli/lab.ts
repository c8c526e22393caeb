// `npm run lab -- up|reset|solve|status|list|down`: the lab cluster and the labs on it.
// Exit codes: 0 ok, 1 failed (a step, or a broken lab), 2 no cluster, unreachable or refused
// (also: kind, Docker or kwokctl missing — nothing was changed), 64 usage.
import module from 'node:module';
import { printable, say, type Lang, type MessageKey } from '../core/i18n.ts';
import { normalizeLabId, parseCommandLine } from './check-args.ts';
import { LabError, listLabs, loadLab } from '../lab/load.ts';
import { resolveKubeconfig } from '../cluster/kubeconfig.ts';
import { displayPath } from '../core/paths.ts';
import { realSystem, type System } from '../providers/system.ts';
import { ClusterError, EXIT, fromClusterError, LifecycleError } from '../core/errors.ts';
import { progressFor, type Progress } from '../lifecycle/progress.ts';
import { down } from '../lifecycle/down.ts';
import { type StatusReport } from '../lifecycle/status.ts';
import { clusterStatus, labReset, labSolve, labUp } from '../use-cases.ts';
import { prefetch } from '../lifecycle/prefetch.ts';
import { courseImages } from '../lab/images.ts';
import { displayWidth, labRows, listJson, renderList } from '../lifecycle/list.ts';
import { providerNames, type ProviderName } from '../core/state.ts';

export const COMMANDS = ['up', 'reset', 'solve', 'status', 'list', 'down', 'images', 'prefetch'] as const;
export type Command = (typeof COMMANDS)[number];

export interface LabOptions {
  command: Command;
  lab?: string;
  /** images and prefetch: the labs named (none: every lab). */
  labs: string[];
  provider?: ProviderName;
  kubeconfig?: string;
  context?: string;
  with?: string;
  json: boolean;
  wait: boolean;
  lang: Lang;
  /** --lang was given: list shows titles in that language only. */
  langChosen: boolean;
}

export type ParsedLabArgs = { kind: 'run'; options: LabOptions } | { kind: 'help'; lang: Lang } | { kind: 'usage'; message: string; lang: Lang };

const NEEDS_LAB: Command[] = ['up', 'reset', 'solve'];
const TAKES_LAB: Command[] = [...NEEDS_LAB, 'images', 'prefetch'];

export function parseLabArgs(argv: string[], env: NodeJS.ProcessEnv = process.env): ParsedLabArgs {
  const parsed = parseCommandLine(argv, env, {
    provider: { type: 'string' },
    kubeconfig: { type: 'string' },
    context: { type: 'string' },
    with: { type: 'string' },
    json: { type: 'boolean', default: false },
    wait: { type: 'boolean', default: true },
  });
  if (parsed.kind === 'usage') return parsed;
  const { lang } = parsed;
  const v = parsed.values as { provider?: string; kubeconfig?: string; context?: string; with?: string; json: boolean; wait: boolean; help: boolean };
  const usage = (message: string): ParsedLabArgs => ({ kind: 'usage', message, lang });
  const [command, ...rest] = parsed.positionals;
  if (v.help || command === 'help') return { kind: 'help', lang };
  if (!command) return usage(say(lang, 'argWhichCommand', { commands: COMMANDS.join(', ') }));
  if (!(COMMANDS as readonly string[]).includes(command)) return usage(say(lang, 'argUnknownCommand', { command: printable(command), commands: COMMANDS.join(', ') }));
  const cmd = command as Command;
  if (NEEDS_LAB.includes(cmd) && rest.length === 0) return usage(say(lang, 'argNeedsLab', { command: cmd }));
  if (!TAKES_LAB.includes(cmd) && rest.length > 0) return usage(say(lang, 'argTakesNoLab', { command: cmd, got: printable(rest.join(' ')) }));
  if (rest.length > 1 && NEEDS_LAB.includes(cmd)) return usage(say(lang, 'argOneLab', { labs: printable(rest.join(', ')) }));

  if (v.provider !== undefined) {
    if (cmd !== 'up') return usage(say(lang, 'argProviderForUp'));
    if (!(providerNames as readonly string[]).includes(v.provider)) return usage(say(lang, 'argProviderName', { value: printable(v.provider) }));
  }
  if (v.context !== undefined && v.provider !== 'existing') return usage(say(lang, 'argContextForExisting'));
  if (v.provider === 'existing' && (!v.kubeconfig || !v.context)) return usage(say(lang, 'argExistingNeeds'));
  if (v.with !== undefined && cmd !== 'solve') return usage(say(lang, 'argWithForSolve'));
  if (v.json && cmd !== 'status' && cmd !== 'list' && cmd !== 'images') return usage(say(lang, 'argJsonFor'));
  if (v.kubeconfig === '') return usage(say(lang, 'argNeedsFile', { name: 'kubeconfig' }));

  return {
    kind: 'run',
    options: {
      command: cmd,
      lab: rest[0] === undefined ? undefined : normalizeLabId(rest[0]),
      labs: rest.map(normalizeLabId),
      provider: v.provider as ProviderName | undefined,
      kubeconfig: v.kubeconfig,
      context: v.context,
      with: v.with,
      json: v.json,
      wait: v.wait,
      lang,
      langChosen: parsed.langChosen,
    },
  };
}

export interface LabIo {
  stdout: NodeJS.WritableStream & { isTTY?: boolean };
  stderr: NodeJS.WritableStream;
  env: NodeJS.ProcessEnv;
  /** The machine: PATH lookups and programs (tests replace it). */
  sys?: System;
  labsDir?: string;
  progress?: Progress;
}

export async function runLab(argv: string[], io: LabIo): Promise<number> {
  const parsed = parseLabArgs(argv, io.env);
  if (parsed.kind === 'help') {
    io.stdout.write(`${say(parsed.lang, 'usage', {})}\n`);
    return EXIT.ok;
  }
  if (parsed.kind === 'usage') {
    io.stderr.write(`${say(parsed.lang, 'usageError', { message: parsed.message })}\n`);
    return EXIT.usage;
  }
  const o = parsed.options;
  const sys = io.sys ?? { ...realSystem, env: io.env };
  try {
    return await dispatch(o, io, sys);
  } catch (err) {
    const e = err instanceof ClusterError ? fromClusterError(err) : err;
    if (e instanceof LifecycleError) {
      io.stderr.write(`${e.say(o.lang)}\n`);
      return e.exitCode;
    }
    if (e instanceof LabError) {
      if (e.code === 'invalid-id') {
        io.stderr.write(`${say(o.lang, 'invalidId', { id: printable(o.lab ?? '') })}\n`);
        return EXIT.usage;
      }
      if (e.code === 'unknown-lab') {
        const labs = await listLabs(io.labsDir).then((l) => l.map((x) => x.id).join(', '), () => '?');
        io.stderr.write(`${say(o.lang, 'unknownLab', { id: printable(o.lab ?? ''), labs })}\n`);
        return EXIT.usage;
      }
      io.stderr.write(`${say(o.lang, 'brokenLab', { id: o.lab ?? 'a lab', details: e.message })}\n`);
      return EXIT.failed;
    }
    throw e;
  }
}

async function dispatch(o: LabOptions, io: LabIo, sys: System): Promise<number> {
  const { lang } = o;
  const out = (text: string) => io.stdout.write(`${text}\n`);
  const progress = io.progress ?? progressFor(io.stdout as NodeJS.WriteStream, io.env);
  const kubeconfig = resolveKubeconfig(o.kubeconfig, io.env);

  if (o.command === 'list') {
    const rows = labRows(await listLabs(io.labsDir));
    io.stdout.write(o.json ? `${JSON.stringify(listJson(rows), null, 2)}\n` : renderList(rows, lang, o.langChosen ? [lang] : ['en', 'ko']));
    return EXIT.ok;
  }
  if (o.command === 'status') {
    const report = await clusterStatus(kubeconfig.path, sys);
    io.stdout.write(o.json ? `${JSON.stringify({ version: 'wheelhouse.status/v1', ...report }, null, 2)}\n` : renderStatus(report, lang));
    return report.reachable ? EXIT.ok : EXIT.cluster;
  }
  if (o.command === 'down') {
    const result = await down(kubeconfig.path, { sys, progress, lang });
    out(say(lang, result === 'deleted' ? 'downDeleted' : result === 'released' ? 'downReleased' : 'downNothing', {}));
    return EXIT.ok;
  }

  if (o.command === 'images' || o.command === 'prefetch') {
    const labs = o.labs.length ? await Promise.all(o.labs.map((id) => loadLab(id, io.labsDir))) : await listLabs(io.labsDir);
    const images = await courseImages(labs);
    if (o.command === 'images') {
      io.stdout.write(o.json ? `${JSON.stringify({ version: 'wheelhouse.images/v1', images }, null, 2)}\n` : images.map((i) => `${i.image}\n`).join(''));
      return EXIT.ok;
    }
    const r = await prefetch(images.map((i) => i.image), kubeconfig.path, { sys, progress, lang });
    out(say(lang, 'prefetchDone', { count: images.length, pulled: r.pulled.length, present: r.present.length, cluster: r.loadedInto ?? '' }));
    return EXIT.ok;
  }

  const lab = o.lab!;
  const upOptions = { sys, progress, lang, wait: o.wait, labsDir: io.labsDir };
  if (o.command === 'up') {
    const r = await labUp(lab, { ...upOptions, kubeconfig, provider: o.provider, context: o.context });
    out(say(lang, 'upDone', { lab: r.lab.id, namespace: r.lab.namespace, kubeconfig: r.kubeconfig }));
    return EXIT.ok;
  }
  if (o.command === 'reset') {
    const r = await labReset(lab, { ...upOptions, kubeconfig: kubeconfig.path });
    out(say(lang, 'resetDone', { lab: r.lab.id, seconds: (r.durationMs / 1000).toFixed(1) }));
    return EXIT.ok;
  }
  const r = await labSolve(lab, {
    kubeconfig: kubeconfig.path,
    sys,
    labsDir: io.labsDir,
    with: o.with,
    onStart: (script) => progress.info(say(lang, 'stepSolve', { script: script.name })),
    // The script's output is shown as it comes, made printable (no escape sequences reach the terminal).
    onLine: (line, stream) => (stream === 'stdout' ? io.stdout : io.stderr).write(`${printable(line, 2000)}\n`),
  });
  out(say(lang, 'solveDone', { script: r.script.name, lab: r.lab.id }));
  return EXIT.ok;
}

export function renderStatus(r: StatusReport, lang: Lang): string {
  if (!r.record && !r.reachable && !r.error && !r.recordProblem) return `${say(lang, 'statusNone', { kubeconfig: displayPath(r.kubeconfig) })}\n`;
  const word = (k: MessageKey) => say(lang, k);
  const lines: string[] = [`${word('statusCluster')}`];
  if (r.recordProblem) lines.push(`  ${say(lang, 'stateUnreadable', r.recordProblem).split('\n')[0]}`);
  const row = (label: string, value: string) => lines.push(`  ${label}${' '.repeat(Math.max(1, 23 - displayWidth(label)))}${value}`);
  if (r.record) row(word('statusProvider'), `${r.record.provider} (${r.record.name})`);
  row(word('statusKubeconfig'), displayPath(r.kubeconfig));
  if (r.server) row(word('statusServer'), r.server);
  if (!r.reachable) {
    lines.push(`  ${say(lang, 'statusUnreachable', { message: r.error?.message ?? '?' })}`);
    const stopped = (r.nodeContainers ?? []).filter((c) => !c.running).map((c) => c.name);
    if (stopped.length) lines.push(say(lang, 'statusKindStopped', { names: stopped.join(' ') }));
    else if (r.record?.provider === 'kind' && r.nodeContainers?.length === 0) lines.push(say(lang, 'statusKindGone', { name: r.record.name }));
    return `${lines.join('\n')}\n`;
  }
  row(word('statusVersion'), `${r.serverVersion} — ${word(r.simulated ? 'statusSimulated' : 'statusReal')}`);
  const owner = { ok: 'yes', 'no-record': 'ownershipNoRecord', 'no-marker': 'ownershipNoMarker', 'other-id': 'ownershipOtherId' } as const;
  row(word('statusOwner'), word(owner[r.ownership ?? 'no-record']));
  lines.push(word('statusNodes'));
  for (const n of r.nodes ?? []) {
    const extra = [n.roles.join(','), n.unschedulable ? 'SchedulingDisabled' : '', n.taints.join(' ')].filter(Boolean).join('  ');
    lines.push(`  ${n.name.padEnd(26)} ${word(n.ready ? 'nodeReady' : 'nodeNotReady').padEnd(9)} ${extra}`.trimEnd());
  }
  lines.push(`${word('statusLabs')}: ${r.labs?.length ? r.labs.join(', ') : word('none')}`);
  if (r.currentLab) lines.push(`${word('statusCurrentLab')}: ${r.currentLab}`);
  return `${lines.join('\n')}\n`;
}

if (import.meta.main) {
  module.enableCompileCache?.();
  const code = await runLab(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, env: process.env });
  process.exitCode = code;
}
