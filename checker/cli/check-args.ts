// Command-line parsing for `npm run check`, kept apart from running so it is unit-tested alone.
import { parseArgs, type ParseArgsConfig } from 'node:util';
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

/**
 * parseArgs for both commands: their own options plus --lang and --help, with --lang checked.
 * parseArgs explains unknown options and missing values well enough; its sentence is kept.
 */
export function parseCommandLine<O extends ParseArgsConfig['options']>(argv: string[], env: NodeJS.ProcessEnv, options: O) {
  const lang = langFromEnv(env);
  let parsed;
  try {
    const all = { ...options, lang: { type: 'string' }, help: { type: 'boolean', short: 'h', default: false } } as const;
    parsed = parseArgs({ args: argv, allowPositionals: true, allowNegative: true, strict: true, options: all });
  } catch (err) {
    return { kind: 'usage' as const, message: (err as Error).message, lang };
  }
  const chosen = (parsed.values as { lang?: string }).lang;
  if (chosen !== undefined && !isLang(chosen)) return { kind: 'usage' as const, message: say(lang, 'argLang', { value: chosen }), lang };
  return { kind: 'parsed' as const, values: parsed.values, positionals: parsed.positionals, lang: (chosen as Lang | undefined) ?? lang, langChosen: chosen !== undefined };
}

export function parseCheckArgs(argv: string[], env: NodeJS.ProcessEnv = process.env): ParsedCheckArgs {
  const parsed = parseCommandLine(argv, env, {
    json: { type: 'boolean', default: false },
    junit: { type: 'string' },
    watch: { type: 'boolean', default: false },
    verbose: { type: 'boolean', short: 'v', default: false },
    kubeconfig: { type: 'string' },
    timeout: { type: 'string' },
    'request-timeout': { type: 'string' },
  });
  if (parsed.kind === 'usage') return parsed;
  const { lang } = parsed;
  const v = parsed.values as { json: boolean; junit?: string; watch: boolean; verbose: boolean; kubeconfig?: string; timeout?: string; 'request-timeout'?: string; help: boolean };
  if (v.help) return { kind: 'help', lang };
  if (parsed.positionals.length === 0) return { kind: 'usage', message: say(lang, 'cliMissingLab'), lang };
  if (parsed.positionals.length > 1) return { kind: 'usage', message: say(lang, 'argOneLab', { labs: parsed.positionals.join(', ') }), lang };
  if (v.watch && (v.json || v.junit)) return { kind: 'usage', message: say(lang, 'cliWatchWithOutput'), lang };

  const seconds = (name: string, text: string | undefined): number | string | undefined => {
    if (text === undefined) return undefined;
    const n = Number(text);
    if (!Number.isFinite(n) || n <= 0 || n > 3600) return say(lang, 'argSeconds', { name, value: text });
    return Math.round(n * 1000);
  };
  const deadlineMs = seconds('timeout', v.timeout);
  if (typeof deadlineMs === 'string') return { kind: 'usage', message: deadlineMs, lang };
  const requestTimeoutMs = seconds('request-timeout', v['request-timeout']);
  if (typeof requestTimeoutMs === 'string') return { kind: 'usage', message: requestTimeoutMs, lang };
  if (v.junit === '') return { kind: 'usage', message: say(lang, 'argNeedsFile', { name: 'junit' }), lang };

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
