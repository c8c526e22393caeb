// The one Progress adapter: the events a step reports (what the lab page receives) and the plain
// lines a log gets from them; and printable(), the one way outside text is shown back.
import { describe, expect, it } from 'vitest';
import { eventProgress, lineProgress, type ProgressEvent } from '../../checker/lifecycle/progress.ts';
import { printable } from '../../checker/core/i18n.ts';

describe('eventProgress', () => {
  it('reports a step, its details and its end with the time it took; a failed step is reported and thrown again', async () => {
    const events: ProgressEvent[] = [];
    const p = eventProgress((e) => events.push(e));
    expect(await p.step('apply', async (update) => (update('web'), update(''), 42))).toBe(42);
    await expect(p.step('wait', async () => Promise.reject(new Error('stuck')))).rejects.toThrow('stuck');
    p.warn('slow');
    expect(events.map((e) => `${e.t}:${e.text}`)).toEqual(['step:apply', 'detail:web', 'done:apply', 'step:wait', 'failed:wait', 'warn:slow']);
    expect((events[2] as { seconds: number }).seconds).toBeGreaterThanOrEqual(0);
  });

  it('as plain lines: start, detail, end with seconds, failure, info and warning', async () => {
    let text = '';
    const p = lineProgress({ write: (s: string) => ((text += s), true) } as unknown as NodeJS.WritableStream);
    await p.step('apply', async (update) => update('web'));
    await p.step('wait', async () => Promise.reject(new Error('x'))).catch(() => {});
    p.info('done');
    p.warn('slow');
    expect(text.replace(/\(\d+\.\d s\)/, '(T)')).toBe('… apply\n  web\n✓ apply (T)\n… wait\n✗ wait\ndone\n! slow\n');
  });
});

describe('printable', () => {
  it('replaces control characters and shortens long text', () => {
    expect(printable('lab-07\x1b[31m\r')).toBe('lab-07?[31m?');
    expect(printable('x'.repeat(100))).toBe(`${'x'.repeat(57)}...`);
    expect(printable('x'.repeat(100), 200)).toBe('x'.repeat(100));
  });
});
