// `npm start` from nothing and again: the compiled server (bin/jiuzhu.mjs start) spawned on an empty data folder
// (PGlite) or an empty database (PostgreSQL), timed from the spawn until the demo data is loaded and
// `/healthz` answers; then stopped and started again on the same data (the restart, median of RESTARTS); the
// baseline is a bare `node -e ''` (median of the same count). The compiled build and web/dist are made first,
// untimed (what `npm install` leaves). The cold start's log lines are printed with their times: where it goes.
// Each start's CPU time (the server's threads, from /proc) is printed too: on a busy machine the wall time
// stretches with the other load, the CPU time hardly.
//
// Last line: `start: <restart> s, baseline <node -e> s, ratio <r>`, the slowest engine's restart.
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ensureWebBuilt } from '../src/cli/web-build.ts';
import { ROOT } from '../src/kernel/paths.ts';
import { withEmptyData } from './lib/empty-data.ts';
import { benchArg, benchEngines, seconds, type BenchEngine } from './lib/engines.ts';

const LISTENING = /listening on (http:\/\/\S+)/;
const BIN = path.join(ROOT, 'bin/jiuzhu.mjs');

interface Started {
  ms: number;
  /** CPU seconds the server used until it answered (all its threads; /proc on Linux, else NaN): less sensitive to other load than `ms`. */
  cpu: number;
  lines: { ms: number; text: string }[];
  stop(): Promise<void>;
}

/** Spawns `jiuzhu start` and resolves once `/healthz` answers 200, with the time and the log lines' times. */
async function start(env: NodeJS.ProcessEnv, timeoutMs: number): Promise<Started> {
  const t0 = performance.now();
  const child = spawn(process.execPath, [BIN, 'start', '--port', '0'], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const lines: Started['lines'] = [];
  let pending = '';
  const onData = (chunk: Buffer) => {
    pending += chunk.toString('utf8');
    const parts = pending.split('\n');
    pending = parts.pop() ?? '';
    for (const text of parts) if (text.trim()) lines.push({ ms: performance.now() - t0, text: text.length > 160 ? `${text.slice(0, 157)}…` : text });
  };
  child.stdout.on('data', onData);
  child.stderr.on('data', onData);
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    await exited;
  };
  try {
    const until = t0 + timeoutMs;
    let base: string | undefined;
    for (;;) {
      if (child.exitCode !== null) throw new Error(`jiuzhu start exited (${child.exitCode})\n${lines.map((l) => l.text).join('\n')}`);
      if (performance.now() > until) throw new Error(`jiuzhu start: no answer within ${timeoutMs / 1000} s\n${lines.map((l) => l.text).join('\n')}`);
      base ??= lines.map((l) => LISTENING.exec(l.text)?.[1]).find((u) => u !== undefined);
      if (base) {
        const ok = await fetch(`${base}/healthz`).then((r) => r.ok, () => false);
        if (ok) return { ms: performance.now() - t0, cpu: cpuSeconds(child.pid), lines, stop };
      }
      await new Promise((r) => setTimeout(r, base ? 5 : 20));
    }
  } catch (e) {
    await stop();
    throw e;
  }
}

const TICKS = (() => {
  try {
    return Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
  } catch {
    return 100;
  }
})();

/** User + system CPU seconds of a running process (fields 14 and 15 of /proc/PID/stat). */
function cpuSeconds(pid: number | undefined): number {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / TICKS;
  } catch {
    return Number.NaN;
  }
}

/** Wall time of spawning `node args` until it exits. */
async function spawnTime(args: string[]): Promise<number> {
  const t0 = performance.now();
  await new Promise<void>((resolve, reject) => {
    const child = spawn(process.execPath, args, { stdio: 'ignore' });
    child.once('error', reject);
    child.once('exit', () => resolve());
  });
  return performance.now() - t0;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** The data an engine starts from: an empty folder or database, removed afterwards. */
function withServerData<T>(engine: BenchEngine, fn: (env: NodeJS.ProcessEnv) => Promise<T>): Promise<T> {
  return withEmptyData(engine, 'start', { ...process.env, JIUZHU_DEMO: '1' }, fn);
}

export default async function startBench(args: string[]): Promise<void> {
  const engines = benchEngines(args);
  const runs = Number(benchArg(args, 'restarts') ?? 3);
  if (!Number.isInteger(runs) || runs < 1) throw new Error('--restarts: a positive integer');
  // What `npm install` leaves: the compiled server and the web UI, made now and not timed.
  await spawnTime([path.join(ROOT, 'bin/build.mjs')]);
  ensureWebBuilt((m) => console.log(m));
  console.log(`load average before: ${os.loadavg().map((l) => l.toFixed(2)).join(', ')} (${os.cpus().length} cores)`);

  const baselines: number[] = [];
  for (let i = 0; i < runs; i++) baselines.push(await spawnTime(['-e', '']));
  const baseline = median(baselines);

  let slowest = 0;
  for (const engine of engines) {
    await withServerData(engine, async (env) => {
      const cold = await start(env, 600_000);
      await cold.stop();
      console.log(`${engine}: cold start (empty ${engine === 'pglite' ? 'folder' : 'database'} → demo data loaded, /healthz answers) ${seconds(cold.ms)} s, ${cold.cpu.toFixed(2)} s of CPU`);
      for (const l of cold.lines) console.log(`  ${seconds(l.ms).padStart(7)} s  ${l.text}`);
      const restarts: number[] = [];
      const cpus: number[] = [];
      for (let i = 0; i < runs; i++) {
        const again = await start(env, 120_000);
        await again.stop();
        restarts.push(again.ms);
        cpus.push(again.cpu);
      }
      const restart = median(restarts);
      slowest = Math.max(slowest, restart);
      console.log(`${engine}: restart on the same data ${seconds(restart)} s (median of ${runs}: ${restarts.map(seconds).join(', ')} s), ${median(cpus).toFixed(2)} s of CPU`);
    });
  }
  console.log(`baseline: node -e '' ${seconds(baseline)} s (median of ${runs}: ${baselines.map(seconds).join(', ')} s)`);
  console.log(`load average after: ${os.loadavg().map((l) => l.toFixed(2)).join(', ')}`);
  console.log(`start: ${seconds(slowest)} s, baseline ${seconds(baseline)} s, ratio ${(slowest / baseline).toFixed(1)}`);
}
