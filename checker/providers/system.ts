// The few things providers ask of the machine: is a program on PATH, and run one. Behind an
// interface so unit tests can say "kind is missing" or "Docker is not running" without a machine
// that is in that state, and can see the exact command lines.
import { spawn } from 'node:child_process';
import { accessSync, constants, statSync } from 'node:fs';
import { delimiter, join } from 'node:path';

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  input?: string;
  env?: NodeJS.ProcessEnv;
  cwd?: string;
  /** Called with each line of output as it comes (progress, script output). */
  onLine?: (line: string, stream: 'stdout' | 'stderr') => void;
  timeoutMs?: number;
}

export interface System {
  /** The full path of a program on PATH, or undefined. */
  which(name: string): string | undefined;
  run(cmd: string, args: string[], opts?: RunOptions): Promise<RunResult>;
  readonly env: NodeJS.ProcessEnv;
}

export function findOnPath(name: string, env: NodeJS.ProcessEnv = process.env): string | undefined {
  for (const dir of (env.PATH ?? '').split(delimiter)) {
    if (!dir) continue;
    const candidate = join(dir, name);
    try {
      accessSync(candidate, constants.X_OK);
      if (statSync(candidate).isFile()) return candidate;
    } catch {
      /* not here */
    }
  }
  return undefined;
}

export function runProgram(cmd: string, args: string[], opts: RunOptions = {}): Promise<RunResult> {
  return new Promise((resolve) => {
    const p = spawn(cmd, args, { cwd: opts.cwd, env: opts.env ?? process.env, stdio: ['pipe', 'pipe', 'pipe'], timeout: opts.timeoutMs });
    let stdout = '';
    let stderr = '';
    const lines = (stream: 'stdout' | 'stderr') => {
      let pending = '';
      return (chunk: Buffer) => {
        const text = chunk.toString('utf8');
        if (stream === 'stdout') stdout += text;
        else stderr += text;
        if (!opts.onLine) return;
        pending += text;
        const parts = pending.split('\n');
        pending = parts.pop()!;
        for (const line of parts) opts.onLine(line, stream);
      };
    };
    p.stdout.on('data', lines('stdout'));
    p.stderr.on('data', lines('stderr'));
    // A program that cannot start (ENOENT) is an answer too: exit code 127, like a shell says.
    p.on('error', (err) => resolve({ code: 127, stdout, stderr: stderr + err.message }));
    p.on('close', (code, signal) => resolve({ code: code ?? (signal ? 128 : 1), stdout, stderr }));
    p.stdin.on('error', () => {}); // the program may exit before reading its input
    p.stdin.end(opts.input ?? '');
  });
}

export const realSystem: System = {
  which: (name) => findOnPath(name, process.env),
  run: runProgram,
  env: process.env,
};
