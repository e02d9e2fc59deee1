/**
 * "Bulk work just changed many rows" (an import, a payroll run, a rescreen, a demo load): background jobs that
 * keep derived data (the statistics roll-up) listen, so they refresh right after it instead of at their next turn.
 */
import type { Database } from './engine.ts';

const listeners = new WeakMap<Database, Set<() => void>>();

/** Calls `fn` after each bulk change of `db`; returns the unsubscribe. */
export function onBulkChange(db: Database, fn: () => void): () => void {
  let set = listeners.get(db);
  if (!set) listeners.set(db, (set = new Set()));
  set.add(fn);
  return () => set.delete(fn);
}

export function bulkChanged(db: Database): void {
  for (const fn of listeners.get(db) ?? []) fn();
}
