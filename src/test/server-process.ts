// The real server as a process of its own (the run's compiled CLI, src/test/global-setup.ts): `jiuzhu serve` started,
// waited for, and read, for tests of what only a process shows (signals, several instances on one database).
import { spawn, type ChildProcess } from 'node:child_process';
import { inject } from 'vitest';

export interface ServerProcess {
  child: ChildProcess;
  url: string;
  /** Everything it printed so far (stdout and stderr). */
  output: () => string;
  exited: Promise<number | null>;
}

/** Resolves when the output so far matches; fails when the process exits first or the time is up. */
export function waitFor(read: () => string, child: ChildProcess, pattern: RegExp, ms: number): Promise<RegExpMatchArray> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => done(new Error(`no ${pattern} within ${ms} ms:\n${read()}`)), ms);
    const check = () => {
      const m = read().match(pattern);
      if (m) done(undefined, m);
    };
    const done = (e?: Error, m?: RegExpMatchArray) => {
      clearTimeout(timer);
      child.stdout?.off('data', check);
      child.stderr?.off('data', check);
      child.off('exit', onExit);
      if (m) resolve(m);
      else reject(e);
    };
    const onExit = () => done(new Error(`server exited before ${pattern}:\n${read()}`));
    child.stdout?.on('data', check);
    child.stderr?.on('data', check);
    child.on('exit', onExit);
    check();
  });
}

/** `jiuzhu serve --port 0` with `env`, resolved once it listens. */
export async function startServerProcess(env: NodeJS.ProcessEnv, cwd: string): Promise<ServerProcess> {
  const child = spawn(process.execPath, [inject('cliEntry'), 'serve', '--port', '0'], { env, cwd, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  // Before the waiters' listeners: each chunk is in `out` when they look.
  child.stdout.on('data', (c: Buffer) => (out += c.toString()));
  child.stderr.on('data', (c: Buffer) => (out += c.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const m = await waitFor(() => out, child, /listening on (http:\/\/\S+)/, 60_000);
  return { child, url: m[1]!, output: () => out, exited };
}
