// Per-request overhead under load (issue 25, item 3): the compiled server (`jiuzhu serve`, what `npm start` runs,
// in a process of its own so that the load generator does not share its event loop) on an empty database with the
// demo data (3,030 households of 黔南州), driven by this process with keep-alive connections (bench/lib/load.ts) at
// 10 and 50 connections against `/healthz` (one query: the baseline), a household's detail, the statistics figures
// and household creation. Prints req/s, p50/p95 and each endpoint's ratio to `/healthz` per engine and connection
// count, creation's 50/10 scaling, and the targets; beside each, the server process's CPU ms per answer and
// /healthz's over it (steadier on a busy machine). The server logs at `info` (to a file), as in production.
//
// Last line: `api: <detail req/s> req/s, baseline <healthz req/s> req/s, ratio <r>` on the engine whose /healthz
// is slowest, each at its better connection count.
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { makeIdNumber } from '../src/kernel/id-number.ts';
import { ROOT } from '../src/kernel/paths.ts';
import { dateOfDay, dayIndex } from '../src/modules/registry/domain/demo/id-allocator.ts';
import { DEMO_PASSWORD } from '../src/modules/users/demo.ts';
import { householdInput, memberInput } from '../src/test/households.ts';
import { STRONG_PASSWORD } from '../src/test/passwords.ts';
import { withEmptyData } from './lib/empty-data.ts';
import { benchArg, benchEngines, seconds, type BenchEngine } from './lib/engines.ts';
import { load, type LoadRequest, type LoadResult } from './lib/load.ts';

const BIN = path.join(ROOT, 'bin/jiuzhu.mjs');
const LISTENING = /listening on (http:\/\/\S+)/;
const TARGETS = { detail: 0.4, figures: 0.3, create: 0.25, scaling: 1.5 } as const;
type Endpoint = 'healthz' | 'detail' | 'figures' | 'create';
const ENDPOINTS: readonly Endpoint[] = ['healthz', 'detail', 'figures', 'create'];
const LABEL: Record<Endpoint, string> = { healthz: 'GET /healthz', detail: 'GET /households/{no}', figures: 'GET /stats/figures', create: 'POST /households' };

interface Server {
  base: URL;
  readyMs: number;
  /** The server process's CPU time so far, in ms (user + system, from /proc; null where there is none). */
  cpuMs(): number | null;
  stop(): Promise<void>;
}

function processCpuMs(pid: number | undefined): number | null {
  if (pid === undefined) return null;
  try {
    // After the command's closing parenthesis: utime and stime are fields 14 and 15 (clock ticks, 100 a second).
    const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return null;
  }
}

/** `cpuProfDir`: the server writes a V8 CPU profile there when it stops (`--cpu-prof`). */
async function startServer(env: NodeJS.ProcessEnv, logFile: string, cpuProfDir: string | undefined): Promise<Server> {
  const t0 = performance.now();
  const out = fs.openSync(logFile, 'w');
  const prof = cpuProfDir ? ['--cpu-prof', '--cpu-prof-dir', path.resolve(cpuProfDir)] : [];
  const child = spawn(process.execPath, [...prof, BIN, 'serve', '--port', '0'], { cwd: ROOT, env, stdio: ['ignore', out, out] });
  fs.closeSync(out);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    await exited;
  };
  try {
    for (const until = t0 + 600_000; ;) {
      const log = fs.readFileSync(logFile, 'utf8');
      if (child.exitCode !== null) throw new Error(`jiuzhu serve exited (${child.exitCode})\n${log.slice(-3000)}`);
      if (performance.now() > until) throw new Error(`jiuzhu serve: no answer within 600 s\n${log.slice(-3000)}`);
      const url = LISTENING.exec(log)?.[1];
      if (url && (await fetch(`${url}/healthz`).then((r) => r.ok, () => false))) return { base: new URL(url), readyMs: performance.now() - t0, cpuMs: () => processCpuMs(child.pid), stop };
      await new Promise((r) => setTimeout(r, 100));
    }
  } catch (e) {
    await stop();
    throw e;
  }
}

/** An empty data folder or database with the server's environment, removed afterwards. */
function withServerData<T>(engine: BenchEngine, pool: string | undefined, fn: (env: NodeJS.ProcessEnv) => Promise<T>): Promise<T> {
  // Weak password hashing: logins and new accounts are not what is measured, and the setup is seconds shorter.
  return withEmptyData(engine, 'api', { ...process.env, JIUZHU_DEMO: '1', JIUZHU_INSECURE_FAST_HASH: '1', ...(pool ? { JIUZHU_DB_POOL_SIZE: pool } : {}) }, fn);
}

async function json<T>(base: URL, pathname: string, init: RequestInit = {}): Promise<T> {
  const res = await fetch(new URL(pathname, base), init);
  if (!res.ok) throw new Error(`${init.method ?? 'GET'} ${pathname}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

async function tokenOf(base: URL, username: string, password = DEMO_PASSWORD): Promise<string> {
  const body = JSON.stringify({ username, password });
  return (await json<{ token: string }>(base, '/api/v1/auth/tokens', { method: 'POST', headers: { 'content-type': 'application/json' }, body })).token;
}

/** Waits until the background roll-up refresh that follows the demo load is done: the figures then read it as it stands. */
async function rollupSettled(base: URL, auth: Record<string, string>): Promise<void> {
  for (const until = Date.now() + 300_000; Date.now() < until;) {
    const f = await json<{ rollup: { refreshing: unknown } }>(base, '/api/v1/stats/figures', { headers: auth });
    if (f.rollup.refreshing === null) return;
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error('the statistics roll-up is still refreshing after 300 s');
}

/** Where households are created: an account (its bearer header) and a village of its area. */
interface Office {
  headers: Record<string, string>;
  village: string;
}

/**
 * `counties` = 1: 广惠街道's window caseworker (one county office at peak). More: a county approver per county of
 * 黔南州 (created now), each creating in its first village — the prefecture's offices at once.
 */
async function offices(base: URL, counties: number): Promise<Office[]> {
  if (counties === 1) return [{ headers: { authorization: `Bearer ${await tokenOf(base, 'guanghui.caseworker')}` }, village: '522701001001' }];
  const admin = { authorization: `Bearer ${await tokenOf(base, 'qiannan.admin')}` };
  const children = async (code: string) => (await json<{ items: { code: string; level: string }[] }>(base, `/api/v1/areas/${code}/children`, { headers: admin })).items;
  const list = (await children('522700')).filter((a) => a.level === 'county').slice(0, counties);
  return Promise.all(list.map(async ({ code }) => {
    const township = (await children(code))[0]?.code;
    const village = township ? (await children(township))[0]?.code : undefined;
    if (!village) throw new Error(`no village in ${code}`);
    const username = `bench.approver.${code}`;
    const body = JSON.stringify({ username, displayName: '测试审批员', password: STRONG_PASSWORD, role: 'county_approver', areaCode: code });
    await json(base, '/api/v1/users', { method: 'POST', headers: { ...admin, 'content-type': 'application/json' }, body });
    return { headers: { authorization: `Bearer ${await tokenOf(base, username, STRONG_PASSWORD)}` }, village };
  }));
}

/**
 * New households, one member each, from the offices in turn; the member's ID number is real (check digit) and
 * unused: the demo hands out the first sequence numbers of each birth day (its IdAllocator's k = 0, 1, …), these
 * take k = 400–499.
 */
function creations(list: readonly Office[]): () => { body: string; headers: Record<string, string> } {
  let n = 0;
  const first = dayIndex('1950-01-01');
  return () => {
    const office = list[n % list.length]!;
    const k = 400 + (n % 100);
    const day = first + Math.floor(n / 100);
    n++;
    const idNumber = makeIdNumber(office.village.slice(0, 6), dateOfDay(day), ((k * 37 + day * 7 + 123) % 500) * 2 + 1);
    return { body: JSON.stringify(householdInput(office.village, [memberInput({ idNumber, name: '王建华' })])), headers: office.headers };
  };
}

/**
 * A load's result with the server process's CPU time per answer, in ms: the warm-up's answers counted at the
 * measured rate. Steadier than the rates on a busy machine (a rate falls with the CPU others take, the CPU an
 * answer costs much less); on PostgreSQL the database's own work is not in it.
 */
type Measured = LoadResult & { cpuMsPerAnswer: number | null };
type Results = Record<Endpoint, Measured[]>;

async function measured(server: Server, warmupMs: number, run: () => Promise<LoadResult>): Promise<Measured> {
  const before = server.cpuMs();
  const r = await run();
  const after = server.cpuMs();
  const answers = r.rate * (r.seconds + warmupMs / 1000);
  return { ...r, cpuMsPerAnswer: before === null || after === null || answers === 0 ? null : (after - before) / answers };
}

interface RunOptions {
  connections: number[];
  seconds: number;
  warmupMs: number;
  pool: string | undefined;
  counties: number;
  endpoints: readonly Endpoint[];
  cpuProfDir: string | undefined;
}

async function runEngine(engine: BenchEngine, opts: RunOptions): Promise<Results> {
  return withServerData(engine, opts.pool, async (env) => {
    const logFile = path.join(os.tmpdir(), `jiuzhu-bench-api-${engine}-${process.pid}.log`);
    const server = await startServer(env, logFile, opts.cpuProfDir);
    try {
      const { base } = server;
      const auth = { authorization: `Bearer ${await tokenOf(base, 'duyun.approver')}` };
      const writers = await offices(base, opts.counties);
      const page = await json<{ items: { householdNo: string }[] }>(base, '/api/v1/households?area=522701001&pageSize=20', { headers: auth });
      const householdNo = page.items[0]?.householdNo;
      if (!householdNo) throw new Error('no demo household in 522701001');
      await rollupSettled(base, auth);
      console.log(`${engine}: server ready in ${seconds(server.readyMs)} s (demo data loaded), roll-up settled; household ${householdNo}`);
      const requests: Record<Endpoint, LoadRequest> = {
        healthz: { method: 'GET', path: '/healthz', headers: {}, expect: 200 },
        detail: { method: 'GET', path: `/api/v1/households/${householdNo}`, headers: auth, expect: 200 },
        figures: { method: 'GET', path: '/api/v1/stats/figures', headers: auth, expect: 200 },
        create: { method: 'POST', path: '/api/v1/households', headers: {}, next: creations(writers), expect: 201 },
      };
      const results = { healthz: [], detail: [], figures: [], create: [] } as Results;
      for (const endpoint of opts.endpoints) {
        for (const c of opts.connections) results[endpoint].push(await measured(server, opts.warmupMs, () => load(base, requests[endpoint], c, opts.seconds, opts.warmupMs)));
      }
      return results;
    } finally {
      await server.stop();
      fs.rmSync(logFile, { force: true });
    }
  });
}

const best = (rs: readonly LoadResult[]) => Math.max(...rs.map((r) => r.rate));
const fmt = (n: number, digits = 0) => (Number.isFinite(n) ? n.toFixed(digits) : '–');

function report(engine: BenchEngine, r: Results): void {
  console.log(`\n${engine}: ${'endpoint'.padEnd(22)} ${'conns'.padStart(5)} ${'req/s'.padStart(8)} ${'p50 ms'.padStart(8)} ${'p95 ms'.padStart(8)} ${'÷ /healthz'.padStart(10)} ${'CPU ms'.padStart(7)} ${'÷ /healthz'.padStart(10)}  errors`);
  for (const endpoint of ENDPOINTS) {
    if (r[endpoint].length === 0) continue;
    r[endpoint].forEach((x, i) => {
      const healthz = r.healthz[i]!;
      const errors = Object.entries(x.errors).map(([s, n]) => `${s}×${n}`).join(' ') || '–';
      // CPU per answer, and /healthz's over it: the rate ratio the server's own CPU alone would allow.
      const cpu = x.cpuMsPerAnswer ?? Number.NaN;
      const cpuRatio = (healthz.cpuMsPerAnswer ?? Number.NaN) / cpu;
      console.log(`${engine}: ${LABEL[endpoint].padEnd(22)} ${String(x.connections).padStart(5)} ${fmt(x.rate).padStart(8)} ${fmt(x.p50, 1).padStart(8)} ${fmt(x.p95, 1).padStart(8)} ${fmt(x.rate / healthz.rate, 2).padStart(10)} ${fmt(cpu, 2).padStart(7)} ${fmt(cpuRatio, 2).padStart(10)}  ${errors}`);
    });
  }
  const c = r.create;
  const scaling = c.length >= 2 ? c[c.length - 1]!.rate / c[0]!.rate : Number.NaN;
  const h = best(r.healthz);
  // An endpoint left out by `--only` (or a scaling measured at one connection count) is not judged.
  const check = (name: string, value: number, target: number) =>
    Number.isFinite(value) ? `${name} ${fmt(value, 2)} (target ≥ ${target}${value >= target ? ', met' : ', NOT met'})` : undefined;
  const parts = [check('detail ÷ /healthz', best(r.detail) / h, TARGETS.detail), check('figures ÷ /healthz', best(r.figures) / h, TARGETS.figures)];
  if (engine === 'postgresql') parts.push(check('creation ÷ /healthz', best(c) / h, TARGETS.create), check(`creation ${c.at(-1)?.connections}/${c[0]?.connections} connections`, scaling, TARGETS.scaling));
  else if (c.length > 0) parts.push(`creation ÷ /healthz ${fmt(best(c) / h, 2)}, ${c.at(-1)?.connections}/${c[0]?.connections} connections ${fmt(scaling, 2)}`);
  console.log(`${engine}: ${parts.filter((p) => p !== undefined).join('; ')} (each endpoint at its better connection count)`);
}

const loadAverage = () => os.loadavg().map((l) => l.toFixed(2)).join(', ');

export default async function apiBench(args: string[]): Promise<void> {
  const engines = benchEngines(args);
  const connections = (benchArg(args, 'connections') ?? '10,50').split(',').map(Number);
  const secs = Number(benchArg(args, 'seconds') ?? 4);
  const pool = benchArg(args, 'pool');
  const counties = Number(benchArg(args, 'counties') ?? 1);
  // `--only detail,figures`: those endpoints (and /healthz, the baseline); `--cpu-prof DIR`: the server's CPU profile.
  const only = benchArg(args, 'only')?.split(',');
  const endpoints = ENDPOINTS.filter((e) => e === 'healthz' || !only || only.includes(e));
  if (only?.some((e) => !ENDPOINTS.some((x) => x === e))) throw new Error(`--only: some of ${ENDPOINTS.join(', ')}, comma-separated`);
  const cpuProfDir = benchArg(args, 'cpu-prof');
  if (connections.some((c) => !Number.isInteger(c) || c < 1) || !(secs > 0)) throw new Error('--connections: positive integers, comma-separated; --seconds: a positive number');
  if (!Number.isInteger(counties) || counties < 1 || counties > 12) throw new Error('--counties: 1–12 (where households are created)');
  // What `npm install` leaves: the compiled server, made now and not timed.
  execFileSync(process.execPath, [path.join(ROOT, 'bin/build.mjs')], { stdio: 'ignore' });
  console.log(`load average before: ${loadAverage()} (${os.cpus().length} cores); ${secs} s per measurement after 1 s of warm-up; pool ${pool ?? 'default (10)'}; households created in ${counties === 1 ? '1 county (广惠街道)' : `${counties} counties`}`);
  const all = new Map<BenchEngine, Results>();
  for (const engine of engines) {
    all.set(engine, await runEngine(engine, { connections, seconds: secs, warmupMs: 1000, pool, counties, endpoints, cpuProfDir }));
    console.log(`${engine}: done, load average ${loadAverage()}`);
  }
  for (const [engine, r] of all) report(engine, r);
  const [slowest, r] = [...all].reduce((a, b) => (best(b[1].healthz) < best(a[1].healthz) ? b : a));
  console.log(`\nload average after: ${loadAverage()}; slowest /healthz: ${slowest}`);
  console.log(`api: ${fmt(best(r.detail))} req/s, baseline ${fmt(best(r.healthz))} req/s, ratio ${fmt(best(r.detail) / best(r.healthz), 2)}`);
}
