// Saying what a long step is doing: a spinner on a terminal (nanospinner), plain lines otherwise
// (CI logs, the site's server, pipes), and nothing at all for in-process callers like the tests.
import { createSpinner } from 'nanospinner';

export interface Progress {
  /** Runs a step under a line that says what it does; `update` changes that line (kind's own steps, an image name). */
  step<T>(text: string, fn: (update: (detail: string) => void) => Promise<T>): Promise<T>;
  info(text: string): void;
  warn(text: string): void;
}

/** What a Progress reports, in order: the lab page receives these as they are (site/server/api.ts). */
export type ProgressEvent =
  | { t: 'step' | 'detail' | 'failed' | 'info' | 'warn'; text: string }
  | { t: 'done'; text: string; seconds: number };

/** The one Progress: it times each step and reports what happens as events; where they go is the caller's. */
export function eventProgress(send: (e: ProgressEvent) => void): Progress {
  return {
    async step(text, fn) {
      const t0 = performance.now();
      send({ t: 'step', text });
      try {
        const result = await fn((detail) => {
          if (detail) send({ t: 'detail', text: detail });
        });
        send({ t: 'done', text, seconds: Number(((performance.now() - t0) / 1000).toFixed(1)) });
        return result;
      } catch (err) {
        send({ t: 'failed', text });
        throw err;
      }
    },
    info: (text) => send({ t: 'info', text }),
    warn: (text) => send({ t: 'warn', text }),
  };
}

export const silentProgress: Progress = eventProgress(() => {});

/** Plain lines: one when a step starts, one when it ends, with its time. */
export function lineProgress(out: NodeJS.WritableStream): Progress {
  const mark = { step: '… ', detail: '  ', failed: '✗ ', info: '', warn: '! ' } as const;
  return eventProgress((e) => out.write(e.t === 'done' ? `✓ ${e.text} (${e.seconds.toFixed(1)} s)\n` : `${mark[e.t]}${e.text}\n`));
}

/** A spinner per step on a terminal (steps run one after another; a step inside a step gets its own). */
export function spinnerProgress(out: NodeJS.WriteStream): Progress {
  const open: { text: string; spinner: ReturnType<typeof createSpinner> }[] = [];
  return eventProgress((e) => {
    if (e.t === 'step') open.push({ text: e.text, spinner: createSpinner(e.text, { stream: out }).start() });
    else if (e.t === 'detail') open.at(-1)?.spinner.update({ text: `${open.at(-1)!.text} — ${e.text}` });
    else if (e.t === 'done') open.pop()?.spinner.success({ text: `${e.text} (${e.seconds.toFixed(1)} s)` });
    else if (e.t === 'failed') open.pop()?.spinner.error({ text: e.text });
    else out.write(e.t === 'warn' ? `! ${e.text}\n` : `${e.text}\n`);
  });
}

/** The right kind for a stream: a spinner only where someone watches a terminal. */
export function progressFor(out: NodeJS.WriteStream, env: NodeJS.ProcessEnv = process.env): Progress {
  // A terminal that reports no width (some pseudo-terminals) would make the spinner's line count infinite.
  return out.isTTY && (out.columns ?? 0) > 0 && !env.CI && env.TERM !== 'dumb' ? spinnerProgress(out) : lineProgress(out);
}
