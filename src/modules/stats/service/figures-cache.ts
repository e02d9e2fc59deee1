// The dashboard's figures kept per instance while the roll-up, the parameters and the period stay what they were:
// a read then costs one small query (the roll-up's version and state) instead of the aggregation. Every refresh that
// replaces roll-up rows raises the version in its transaction (migration 0141), so a figure is never served from
// an older roll-up than the version read; areas (names, children) change rarely and an entry lives a minute at most.
// Only where a background refresher keeps the roll-up (elsewhere each read refreshes first: figures.ts) and reads
// go to the primary: a replica's roll-up may be older than the version the primary shows.
import type { Database } from '../../../db/engine.ts';
import type { Scope } from '../../../kernel/scope.ts';
import type { ParameterRow } from '../../../policy/index.ts';
import { parameterRows } from '../../policy/index.ts';
import type { FiguresResult } from '../contract.ts';
import { allow } from '../permissions.ts';
import type { RollupStatus } from '../contract.ts';
import { rollupNow, type RollupNow } from '../repo/refresh.ts';
import { figures } from './figures.ts';
import { resolvePeriod, type PeriodInput } from './period.ts';
import { refreshedInBackground } from './refresher.ts';

export const FIGURES_CACHE = { maxEntries: 200, ttlMs: 60_000 } as const;

interface Entry {
  version: number;
  params: readonly ParameterRow[];
  at: number;
  /** Shared by the reads that miss at once: one computation, not one per waiting request. */
  result: Promise<FiguresResult>;
}

const caches = new WeakMap<Database, Map<string, Entry>>();

/** How current the kept figures are, as `currentRollup` says it on the primary. */
function rollupStatusOf(r: RollupNow): RollupStatus {
  const asOf = r.dirty ? r.asOf : r.now;
  return { asOf: asOf.toISOString(), refreshing: r.running ? { done: r.running.done, total: r.running.total } : null };
}

export async function cachedFigures(db: Database, scope: Scope, input: PeriodInput): Promise<FiguresResult> {
  if (!refreshedInBackground(db) || (await db.reads.source()).server !== 'primary') return figures(db, scope, input);
  allow(scope, 'stats.read');
  const period = resolvePeriod(input);
  // Read before the figures are computed: what is stored under this version is at least as new as it.
  const [now, params] = await Promise.all([rollupNow(db.kysely), parameterRows(db)]);
  let cache = caches.get(db);
  if (!cache) caches.set(db, (cache = new Map()));
  const key = JSON.stringify([scope.kind, scope.role, scope.prefix, scope.areaCode, input.area ?? null, period]);
  const hit = cache.get(key);
  if (hit && hit.version === now.version && hit.params === params && Date.now() - hit.at < FIGURES_CACHE.ttlMs) {
    const rollup = rollupStatusOf(now);
    return { ...(await hit.result), refreshedAt: rollup.asOf, rollup };
  }
  const result = figures(db, scope, input);
  const entry: Entry = { version: now.version, params, at: Date.now(), result };
  cache.delete(key);
  if (cache.size >= FIGURES_CACHE.maxEntries) {
    const oldest = cache.keys().next();
    if (!oldest.done) cache.delete(oldest.value);
  }
  cache.set(key, entry);
  result.catch(() => {
    if (cache.get(key) === entry) cache.delete(key);
  });
  return result;
}
