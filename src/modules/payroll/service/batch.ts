// Small counties' payrolls together: a run over many counties (a prefecture's, a province's, the nation's)
// would otherwise pay a county's fixed cost — claim, lines, completion and audit, each a round trip — thousands
// of times, for counties of a few hundred lines. Consecutive small counties form a batch written in one
// transaction with a statement per step whatever their number; each keeps its own payroll, chunk row and
// `payroll.run` audit entry, exactly as if it had run alone.
import type { Database } from '../../../db/engine.ts';
import { write } from '../../../db/write.ts';
import { appendAuditEntries } from '../../../kernel/audit/append.ts';
import type { Scope } from '../../../kernel/scope.ts';
import * as batch from '../repo/batch.ts';
import { syncFraudReceivables } from '../repo/run.ts';
import type { RunHooks, RunResult } from './run.ts';
import { STATUS_LABELS } from './labels.ts';

/** A county is small when it has at most this many entitlements (its payroll: at most about as many lines). */
export const SMALL_COUNTY_ENTITLEMENTS = 2_000;
/** A batch holds consecutive small counties up to this many entitlements or this many counties. */
export const BATCH_LIMITS = { entitlements: 20_000, counties: 250 } as const;

/**
 * The counties as work: a batch of small ones of one partition (of a partitioned database; else all one), in code
 * order within it, or a county alone (`[county]`). Partitions in the order of their first county; unpartitioned,
 * plain code order.
 */
export function plan(counties: readonly string[], sizes: ReadonlyMap<string, { entitlements: number; partition: number }>): string[][] {
  const byPartition = new Map<number, string[]>();
  let part = 0;
  for (const county of [...counties].sort()) {
    // a county without entitlements reads next to nothing: it goes with the county before it
    part = sizes.get(county)?.partition ?? part;
    const group = byPartition.get(part);
    if (group) group.push(county);
    else byPartition.set(part, [county]);
  }
  const out: string[][] = [];
  for (const group of byPartition.values()) {
    let open: string[] = [];
    let size = 0;
    const close = () => {
      if (open.length > 0) out.push(open);
      open = [];
      size = 0;
    };
    for (const county of group) {
      const n = sizes.get(county)?.entitlements ?? 0;
      if (n > SMALL_COUNTY_ENTITLEMENTS) {
        close();
        out.push([county]);
        continue;
      }
      if (open.length >= BATCH_LIMITS.counties || size + n > BATCH_LIMITS.entitlements) close();
      open.push(county);
      size += n;
    }
    close();
  }
  return out;
}

/**
 * Runs the batch's counties that have no payroll of the period and none blocking it (under their period locks),
 * in one transaction: payrolls claimed, every line written, completed `draft`, one audit entry per county. A
 * failure leaves every county of the batch as it was. `rest`: the counties this left alone — those with a
 * payroll (complete or to resume) or a blocking one — for the county-by-county path, which returns, resumes or
 * refuses each as it does for a county alone.
 */
export async function runBatch(db: Database, scope: Scope, counties: readonly string[], period: string, recoveries: ReadonlySet<string>, hooks: RunHooks | undefined): Promise<{ done: RunResult[]; rest: string[] }> {
  return write(db, scope, async (tx) => {
    await batch.lockPeriods(tx, counties, period);
    const found = await batch.payrollsOrBlocking(tx, counties, period);
    const free = counties.filter((c) => !found.has(c));
    for (const county of free) if (recoveries.has(county)) await syncFraudReceivables(tx, county, scope.userName);
    const claimed = await batch.insertPayrolls(tx, free, period, scope.userName);
    const sums = await batch.writeCounties(tx, claimed, period);
    for (const p of claimed) await hooks?.afterChunk?.({ county: p.county_code, area: p.county_code, index: 0 });
    const drafts = await batch.completePayrolls(tx, claimed);
    const done = drafts.map((p): RunResult => {
      const s = sums.get(p.county_code) ?? { lines: 0, net_fen: 0 };
      return { payrollNo: p.payroll_no, countyCode: p.county_code, period: p.period, status: p.status, statusLabel: STATUS_LABELS[p.status], lines: s.lines, netFen: s.net_fen, written: true };
    });
    await appendAuditEntries(tx, scope, done.map((r) => ({
      action: 'payroll.run', entity: 'payroll', entityId: r.payrollNo, areaCode: r.countyCode,
      after: { period, chunkBy: 'county', chunks: 1, status: 'draft', lines: r.lines, netFen: r.netFen },
    })));
    return { done, rest: counties.filter((c) => found.has(c)) };
  });
}
