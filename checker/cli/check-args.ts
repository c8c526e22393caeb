// Command-line parsing for `npm run check`, kept apart from running so it is unit-tested alone.
import { parseArgs } from 'node:util';
import { isLang, langFromEnv, say, type Lang } from '../core/i18n.ts';

export interface CheckOptions {
  /** The lab id, normalized to lab-NN when the input allows (7, 07, lab-07-rolling-update). */
  lab: string;
  json: boolean;
  junit?: string;
  lang: Lang;
  watch: boolean;
  verbose: boolean;
  kubeconfig?: string;
  deadlineMs?: number;
  requestTimeoutMs?: number;
}

export type ParsedCheckArgs = { kind: 'run'; options: CheckOptions } | { kind: 'help'; lang: Lang } | { kind: 'usage'; message: string; lang: Lang };

export function parseCheckArgs(argv: string[], env: NodeJS.ProcessEnv = process.env): ParsedCheckArgs {
  let lang = langFromEnv(env);
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        json: { type: 'boolean', default: false },
        junit: { type: 'string' },
        lang: { type: 'string' },
        watch: { type: 'boolean', default: false },
        verbose: { type: 'boolean', short: 'v', default: false },
        kubeconfig: { type: 'string' },
        timeout: { type: 'string' },
        'request-timeout': { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (err) {
    // parseArgs explains unknown options and missing values well enough; keep its sentence.
    return { kind: 'usage', message: (err as Error).message, lang };
  }
  const v = parsed.values;
  if (v.lang !== undefined) {
    if (!isLang(v.lang)) return { kind: 'usage', message: `--lang must be en or ko, not "${v.lang}".`, lang };
    lang = v.lang;
  }
  if (v.help) return { kind: 'help', lang };
  if (parsed.positionals.length === 0) return { kind: 'usage', message: say(lang, 'cliMissingLab'), lang };
  if (parsed.positionals.length > 1) return { kind: 'usage', message: `One lab at a time: got ${parsed.positionals.join(', ')}.`, lang };
  if (v.watch && (v.json || v.junit)) return { kind: 'usage', message: say(lang, 'cliWatchWithOutput'), lang };

  const seconds = (name: string, text: string | undefined): number | string | undefined => {
    if (text === undefined) return undefined;
    const n = Number(text);
    if (!Number.isFinite(n) || n <= 0 || n > 3600) return `--${name} takes a number of seconds (0 < n ≤ 3600), not "${text}".`;
    return Math.round(n * 1000);
  };
  const deadlineMs = seconds('timeout', v.timeout);
  if (typeof deadlineMs === 'string') return { kind: 'usage', message: deadlineMs, lang };
  const requestTimeoutMs = seconds('request-timeout', v['request-timeout']);
  if (typeof requestTimeoutMs === 'string') return { kind: 'usage', message: requestTimeoutMs, lang };
  if (v.junit === '') return { kind: 'usage', message: '--junit needs a file name.', lang };

  return {
    kind: 'run',
    options: {
      lab: normalizeLabId(parsed.positionals[0]),
      json: v.json,
      junit: v.junit,
      lang,
      watch: v.watch,
      verbose: v.verbose,
      kubeconfig: v.kubeconfig,
      deadlineMs,
      requestTimeoutMs,
    },
  };
}

/** 7, 07, lab-7, lab-07 and lab-07-rolling-update all mean lab-07; anything else is left for the loader to reject. */
export function normalizeLabId(input: string): string {
  const m = /^(?:lab-?)?(\d{1,2})(?:-[a-z0-9]+(?:-[a-z0-9]+)*)?\/?$/.exec(input);
  return m ? `lab-${m[1].padStart(2, '0')}` : input;
}
