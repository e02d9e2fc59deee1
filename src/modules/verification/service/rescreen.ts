// Rescreen (定期复核比对): every current recipient (a granted case) re-matched against the latest
// snapshots — only what changed since the last rescreen of each county is joined (repo/rescreen-state.ts).
// New hits only become findings; a death, a disqualifying asset or income flags the case and makes its
// review due now; a relative of an official of the same area flags it for the county visit.
// The run row is written first (its own transaction), the matching in one transaction of set-based steps.
import { sql } from 'kysely';
import type { Database } from '../../../db/engine.ts';
import { inScope, type Scope } from '../../../kernel/scope.ts';
import { allow } from '../permissions.ts';
import { bulkWrite } from '../../../db/write.ts';
import { AppError } from '../../../kernel/errors.ts';
import { appendAudit } from '../../../kernel/audit/append.ts';
import { todayInChina } from '../../../kernel/clock.ts';
import { GRANTED_PHASES } from '../repo/lists.ts';
import { latestSnapshots, runMatch, type MatchCounts } from '../repo/match.ts';
import type { RescreenIncrement } from '../repo/rescreen-state.ts';
import { countyLimits } from './limits.ts';

export interface RescreenOptions {
  trigger: 'cli' | 'schedule' | 'api' | 'bench';
  asOf?: string;
  /** Set-based steps done so far of all. */
  onProgress?: (done: number, total: number) => void;
}

export interface RescreenResult extends MatchCounts {
  /** What the join covered: cases matched against every snapshot, snapshots new to the other cases. */
  increment: RescreenIncrement;
  rescreenId: number;
  asOf: string;
  counties: number;
  seconds: number;
}

export async function rescreen(db: Database, scope: Scope, opts: RescreenOptions): Promise<RescreenResult> {
  allow(scope, 'verification.rescreen');
  if (scope.role !== 'system' && scope.areaLevel !== 'county' && scope.areaLevel !== 'prefecture') throw AppError.forbidden('定期复核比对由县级或州级发起');
  const started = performance.now();
  const asOf = opts.asOf ?? todayInChina();
  if (asOf > todayInChina()) throw AppError.field('asOf', `比对日期 ${asOf} 不能晚于今天`);
  const counties = (await db.kysely.selectFrom('areas').select('code').where('level', '=', 'county').where(inScope(scope, 'code')).orderBy('code').execute()).map((r) => r.code);
  const limits = await countyLimits(db, counties, asOf);
  const snaps = await latestSnapshots(db.kysely);
  const runId = await bulkWrite(db, scope, async (tx) => {
    const row = await tx.insertInto('verification_rescreens').values({ trigger: opts.trigger, started_by: scope.userName, as_of: asOf, finished_at: null, snapshots: JSON.stringify(snaps.map((s) => ({ id: s.id, source: s.source, version: s.version }))) }).returning('id').executeTakeFirstOrThrow();
    await appendAudit(tx, scope, { action: 'verification.rescreen_start', entity: 'verification_rescreen', entityId: String(row.id), areaCode: scope.areaCode || null, after: { asOf, counties: counties.length, trigger: opts.trigger } });
    return Number(row.id);
  });
  // One transaction over the scope: one pass over the partner records (not one per county); the run is
  // idempotent (only hits not already found become findings), so after a crash it is simply run again.
  const total = await bulkWrite(db, scope, async (tx) => {
    const counts = await runMatch(tx, {
      target: sql`c.phase in (${sql.join([...GRANTED_PHASES])}) and ${inScope(scope, 'c.area_code')}`,
      kind: 'rescreen', asOf, by: scope.userName, limits, rescreenId: runId, rescreen: { id: runId, counties }, ...(opts.onProgress ? { onStep: opts.onProgress } : {}),
    });
    await tx.updateTable('verification_rescreens').set({ finished_at: new Date(), cases: counts.cases, persons: counts.persons, findings: counts.findings, warnings: counts.warnings, favouritism: counts.favouritism }).where('id', '=', runId).execute();
    await appendAudit(tx, scope, { action: 'verification.rescreen', entity: 'verification_rescreen', entityId: String(runId), areaCode: scope.areaCode || null, after: counts });
    return counts;
  });
  const increment = total.increment ?? { freshCases: total.cases, newSnapshots: 0, cases: total.cases, persons: total.persons, saved: 0 };
  return { rescreenId: runId, asOf, counties: counties.length, seconds: (performance.now() - started) / 1000, ...total, increment };
}
