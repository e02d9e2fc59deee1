// The CPU time of a PostgreSQL server's client backends on this database (not autovacuum's), when the server runs on this machine
// (read from /proc): on PostgreSQL the import's and the baseline's work is mostly not in the process, and on
// a shared machine their wall times vary 3×. Backends are sampled every 250 ms (a pool's connection that
// closes between two samples loses its last fraction). null: the server is elsewhere (no /proc of its pids).
import fs from 'node:fs';
import { sql } from 'kysely';
import type { Database } from '../../src/db/engine.ts';

function cpuOf(pid: number): number | undefined {
  try {
    // After the command's closing parenthesis: state is field 3, utime and stime fields 14 and 15 (clock ticks, 100 a second).
    const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return undefined;
  }
}

/** Starts sampling; `stop` answers the seconds of CPU the database's backends used meanwhile (null: not measurable here). */
export async function serverCpu(db: Database): Promise<{ stop: () => Promise<number | null> }> {
  if (db.engine !== 'postgres') return { stop: async () => null };
  const first = new Map<number, number>();
  const last = new Map<number, number>();
  let seen = false;
  const sample = async (into: Map<number, number>) => {
    const { rows } = await sql<{ pid: number }>`select pid from pg_stat_activity where datname = current_database() and backend_type = 'client backend'`.execute(db.kysely);
    for (const { pid } of rows) {
      const cpu = cpuOf(pid);
      if (cpu === undefined) continue;
      seen = true;
      if (!first.has(pid) && into === last) first.set(pid, 0);
      into.set(pid, cpu);
    }
  };
  await sample(first);
  let pending = Promise.resolve();
  const timer = setInterval(() => void (pending = pending.then(() => sample(last)).catch(() => undefined)), 250);
  return {
    async stop() {
      clearInterval(timer);
      await pending;
      await sample(last);
      if (!seen) return null;
      let total = 0;
      for (const [pid, cpu] of last) total += cpu - (first.get(pid) ?? 0);
      return total;
    },
  };
}
