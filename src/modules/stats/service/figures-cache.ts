// The dashboard's figures kept per instance, written: while the roll-up, the parameters and the period stay what
// they were, a read sends the answer as it was written (bytes) for the roll-up's refresh state, and asks the
// database nothing — the roll-up's version and state are known without a query while current (rollup-known.ts).
// Every refresh that replaces roll-up rows raises the version in its transaction (migration 0141), so a figure is
// never served from an older roll-up than the version known; areas (names, children) change rarely and an entry
// lives a minute at most. Entries are per scope (kind, role, area, subtree, department), area and period: two users
// of different areas never share one. Only where a background refresher keeps the roll-up (elsewhere each read
// refreshes first: figures.ts) and reads go to the primary: a replica's roll-up may be older than the primary's.
// The answer's "as of" is the start of the roll-up's last complete refresh (the refresher completes one every
// JIUZHU_STATS_REFRESH_SECONDS, marked changes or not): every change committed before it is in the figures.
import type { Database } from '../../../db/engine.ts';
import type { Scope } from '../../../kernel/scope.ts';
import type { ParameterRow } from '../../../policy/index.ts';
import { parameterRows } from '../../policy/index.ts';
import type { FiguresResult, RollupStatus } from '../contract.ts';
import { allow } from '../permissions.ts';
import { figures } from './figures.ts';
import { resolvePeriod, type PeriodInput } from './period.ts';
import { refreshedInBackground } from './refresher.ts';
import { knownRollup, type KnownRollup } from './rollup-known.ts';

export const FIGURES_CACHE = { maxEntries: 200, ttlMs: 60_000 } as const;

/** Writes an answer as the route's schema declares it. */
export type FiguresWriter = (result: FiguresResult) => string;

interface Entry {
  version: number;
  params: readonly ParameterRow[];
  at: number;
  /** Shared by the reads that miss at once: one computation, not one per waiting request. */
  result: Promise<FiguresResult>;
  /** The answer written for one refresh state of the roll-up (its "as of" and progress). */
  written: { state: string; bytes: Buffer } | null;
}

const caches = new WeakMap<Database, Map<string, Entry>>();

function rollupStatusOf(r: KnownRollup): RollupStatus {
  return { asOf: r.asOf.toISOString(), refreshing: r.running };
}

const stateOf = (r: KnownRollup) => `${r.asOf.getTime()}|${r.running ? `${r.running.done}/${r.running.total}` : ''}`;

function cacheOf(db: Database): Map<string, Entry> {
  let cache = caches.get(db);
  if (!cache) caches.set(db, (cache = new Map()));
  return cache;
}

function keyOf(scope: Scope, input: PeriodInput): string {
  const period = resolvePeriod(input);
  return JSON.stringify([scope.kind, scope.role, scope.prefix, scope.areaCode, scope.department, input.area ?? null, period]);
}

function store(cache: Map<string, Entry>, key: string, entry: Entry): void {
  cache.delete(key);
  if (cache.size >= FIGURES_CACHE.maxEntries) {
    const oldest = cache.keys().next();
    if (!oldest.done) cache.delete(oldest.value);
  }
  cache.set(key, entry);
  entry.result.catch(() => {
    if (cache.get(key) === entry) cache.delete(key);
  });
}

/** The figures' answer, written by `write`: from the kept entry while current, else computed (and kept). */
export async function figuresAnswer(db: Database, scope: Scope, input: PeriodInput, write: FiguresWriter): Promise<Buffer> {
  if (!refreshedInBackground(db) || (await db.reads.source()).server !== 'primary') return Buffer.from(write(await figures(db, scope, input)));
  allow(scope, 'stats.read');
  const key = keyOf(scope, input);
  // Known before the figures are computed: what is kept under this version is at least as new as it.
  const [rollup, params] = await Promise.all([knownRollup(db), parameterRows(db)]);
  const cache = cacheOf(db);
  let entry = cache.get(key);
  if (!entry || entry.version !== rollup.version || entry.params !== params || Date.now() - entry.at >= FIGURES_CACHE.ttlMs) {
    entry = { version: rollup.version, params, at: Date.now(), result: figures(db, scope, input), written: null };
    store(cache, key, entry);
  }
  const state = stateOf(rollup);
  if (entry.written?.state === state) return entry.written.bytes;
  const status = rollupStatusOf(rollup);
  const bytes = Buffer.from(write({ ...(await entry.result), refreshedAt: status.asOf, rollup: status }));
  entry.written = { state, bytes };
  return bytes;
}
