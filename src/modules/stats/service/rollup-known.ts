// The roll-up's version and refresh state as this instance last read them, served without a query while nothing
// has changed them: this process's refreshes drop it at once (repo/rollup-epoch.ts), another instance's through
// the notice its commit sends (migration 0153). While this process is not listening nothing is kept, and what is
// kept is read again after KNOWN_ROLLUP.maxAgeMs at most: a lost notice cannot leave a stale roll-up for longer.
import type { Database } from '../../../db/engine.ts';
import { rollupNow } from '../repo/refresh.ts';
import { rollupEpoch, rollupWritten } from '../repo/rollup-epoch.ts';

/** Mutable: a test lengthens it to show that the notices, not the age, drop what is kept. */
export const KNOWN_ROLLUP = { maxAgeMs: 1_000 };

const CHANNEL = 'jiuzhu_rollup';

/** The roll-up as it stands: its version, and the start of its last complete refresh (`asOf`) or the one running. */
export interface KnownRollup {
  version: number;
  asOf: Date;
  running: { done: number; total: number } | null;
}

interface Known {
  /** What was read, under the epoch current when the read started. */
  value: { rollup: KnownRollup; epoch: number; at: number } | null;
  /** A read under way, started under `epoch`: the requests that find nothing kept under the same epoch share it. */
  reading: { epoch: number; rollup: Promise<KnownRollup> } | null;
  listening: Promise<boolean> | null;
}

const known = new WeakMap<Database, Known>();

function knownOf(db: Database): Known {
  let k = known.get(db);
  if (!k) known.set(db, (k = { value: null, reading: null, listening: null }));
  return k;
}

function listening(db: Database, k: Known): Promise<boolean> {
  k.listening ??= db
    .listen(CHANNEL, (payload) => {
      // null: the connection is gone and notices may have been missed; listen again on the next read.
      if (payload === null) k.listening = null;
      rollupWritten();
    })
    .then(
      () => true,
      () => {
        k.listening = null;
        return false;
      },
    );
  return k.listening;
}

async function read(db: Database, k: Known, epoch: number): Promise<KnownRollup> {
  const [live, now] = await Promise.all([listening(db, k), rollupNow(db.kysely)]);
  const rollup: KnownRollup = { version: now.version, asOf: now.asOf, running: now.running ? { done: now.running.done, total: now.running.total } : null };
  if (live && rollupEpoch() === epoch) k.value = { rollup, epoch, at: Date.now() };
  return rollup;
}

/** The roll-up as it stands on the primary: kept while current, else one query (shared by the requests waiting on it). */
export function knownRollup(db: Database): Promise<KnownRollup> {
  const k = knownOf(db);
  const epoch = rollupEpoch();
  const v = k.value;
  if (v && v.epoch === epoch && Date.now() - v.at < KNOWN_ROLLUP.maxAgeMs) return Promise.resolve(v.rollup);
  if (k.reading?.epoch === epoch) return k.reading.rollup;
  const reading = { epoch, rollup: read(db, k, epoch) };
  k.reading = reading;
  void reading.rollup.finally(() => {
    if (k.reading === reading) k.reading = null;
  }).catch(() => {});
  return reading.rollup;
}
