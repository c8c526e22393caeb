// Saying what a long step is doing: a spinner on a terminal (nanospinner), plain lines otherwise
// (CI logs, the site's server, pipes), and nothing at all for in-process callers like the tests.
import { createSpinner } from 'nanospinner';

export interface Progress {
  /** Runs a step under a line that says what it does; `update` changes that line (kind's own steps, an image name). */
  step<T>(text: string, fn: (update: (detail: string) => void) => Promise<T>): Promise<T>;
  info(text: string): void;
  warn(text: string): void;
}

export const silentProgress: Progress = {
  step: (_text, fn) => fn(() => {}),
  info: () => {},
  warn: () => {},
};

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

/** Plain lines: one when a step starts, one when it ends, with its time. */
export function lineProgress(out: NodeJS.WritableStream): Progress {
  return {
    async step(text, fn) {
      const t0 = performance.now();
      out.write(`… ${text}\n`);
      try {
        const result = await fn((detail) => detail && out.write(`  ${detail}\n`));
        out.write(`✓ ${text} (${seconds(performance.now() - t0)})\n`);
        return result;
      } catch (err) {
        out.write(`✗ ${text}\n`);
        throw err;
      }
    },
    info: (text) => out.write(`${text}\n`),
    warn: (text) => out.write(`! ${text}\n`),
  };
}

/** A spinner per step on a terminal. */
export function spinnerProgress(out: NodeJS.WriteStream): Progress {
  return {
    async step(text, fn) {
      const t0 = performance.now();
      const spinner = createSpinner(text, { stream: out }).start();
      try {
        const result = await fn((detail) => detail && spinner.update({ text: `${text} — ${detail}` }));
        spinner.success({ text: `${text} (${seconds(performance.now() - t0)})` });
        return result;
      } catch (err) {
        spinner.error({ text });
        throw err;
      }
    },
    info: (text) => out.write(`${text}\n`),
    warn: (text) => out.write(`! ${text}\n`),
  };
}

/** The right kind for a stream: a spinner only where someone watches a terminal. */
export function progressFor(out: NodeJS.WriteStream, env: NodeJS.ProcessEnv = process.env): Progress {
  // A terminal that reports no width (some pseudo-terminals) would make the spinner's line count infinite.
  return out.isTTY && (out.columns ?? 0) > 0 && !env.CI && env.TERM !== 'dumb' ? spinnerProgress(out) : lineProgress(out);
}
