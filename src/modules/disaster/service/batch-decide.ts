// The decision of an approved batch: one `disaster` case per household, granted, with its decision and a
// one-off entitlement of the batch's pay month, which the payroll pays once. The members are decided in
// chunks, in ordinal order; each chunk commits with the batch's cursor (`decided_through`), so a run
// killed halfway is continued by the next one, and the batch row's lock makes two runs take turns. The
// cases' `source_key` (kind, event or season, household) is unique: nobody is decided twice, whatever
// batch or rerun tries.
import { sql } from 'kysely';
import type { z } from 'zod';
import type { Database } from '../../../db/engine.ts';
import { bulkWrite } from '../../../db/write.ts';
import { appendAudit } from '../../../kernel/audit/append.ts';
import { todayInChina } from '../../../kernel/clock.ts';
import { AppError } from '../../../kernel/errors.ts';
import { covers, type Scope } from '../../../kernel/scope.ts';
import { ruleSetFor } from '../../../policy/index.ts';
import { caseParameters, decideInBulk } from '../../cases/index.ts';
import { BATCH_STATUS_LABELS } from '../batch-labels.ts';
import type { decideSchema } from '../contract/batches.ts';
import { allow } from '../permissions.ts';
import { summarySql } from '../repo/amounts.ts';
import * as repo from '../repo/batches.ts';
import { batchDetail, type Basis } from './batches.ts';
import { sourceKeyPrefix } from '../source-key.ts';

const FORMULA = { emergency: 'disaster_emergency', transitional: 'transitional_living', housing: 'disaster_housing', winter_spring: 'disaster_winter_spring', bereavement: 'disaster_bereavement' } as const;

export interface DecideOptions {
  chunkSize?: number;
  onProgress?: (done: number, total: number) => void;
}

/** The source key of a household's relief of one kind for one event or season. */
const sourceKey = (kind: string, eventOrSeason: string) => sql`${sourceKeyPrefix(kind, eventOrSeason)} || m.household_id::text`;

export async function decideBatch(db: Database, scope: Scope, batchNo: string, input: z.output<typeof decideSchema>, opts: DecideOptions = {}) {
  allow(scope, 'disaster.batch');
  const chunk = opts.chunkSize ?? 20_000;
  const params = await caseParameters(db);
  let decidedNow = 0;
  for (;;) {
    const step = await bulkWrite(db, scope, async (tx) => {
      const b = await repo.findBatch(tx, scope, batchNo, true);
      if (!b || !covers(scope, b.county_code) || scope.areaLevel !== 'county' && scope.kind !== 'system') throw AppError.notFound('救助批次', batchNo);
      if (b.status === 'decided') return { b, done: true, n: 0 };
      if (b.status !== 'approved') throw AppError.conflict('batch_state', `救助批次 ${batchNo} 当前为「${BATCH_STATUS_LABELS[b.status]}」，审批后方可决定`, { status: b.status });
      const date = b.decided_on ?? input.date ?? todayInChina();
      if (date < (b.approved_on ?? b.created_on)) throw AppError.field('date', `决定日期不能早于审批日期 ${b.approved_on}`);
      const basis = b.basis as Basis;
      const { rows: [last] } = await sql<{ n: number | null; total: number }>`select max(ordinal) as n, (select max(ordinal) from disaster_batch_members where county_code = ${b.county_code} and batch_id = ${b.id}) as total
        from (select ordinal from disaster_batch_members where county_code = ${b.county_code} and batch_id = ${b.id} and ordinal > ${b.decided_through} order by ordinal limit ${chunk}) c`.execute(tx);
      const upto = last?.n === null || last?.n === undefined ? b.decided_through : Number(last.n);
      const total = Number(last?.total ?? 0);
      const ctx = { batchNo: b.batch_no, ...(b.event_no ? { eventNo: b.event_no } : {}), ...(b.season ? { season: b.season } : {}) };
      const expected = await sql<{ n: number }>`select count(*)::int as n from disaster_batch_members where county_code = ${b.county_code} and batch_id = ${b.id}
        and ordinal > ${b.decided_through} and ordinal <= ${upto} and not excluded`.execute(tx);
      const picked = sql`select m.county_code, m.household_id, m.area_code, m.amount_fen, m.persons, m.ordinal as ord,
          ${summarySql(b.kind)} as summary,
          jsonb_build_object('relief', cast(${JSON.stringify(ctx)} as jsonb) || jsonb_build_object('claim', m.claim)) as context,
          jsonb_build_object('formula', ${FORMULA[b.kind]}::text, 'ruleSet', ${basis.ruleSet}::text, 'period', ${basis.date}::text, 'batchNo', ${b.batch_no}::text,
            'value', jsonb_build_object('amount', m.amount_fen)) as explanation,
          ${sourceKey(b.kind, b.event_no ?? b.season ?? '')} as source_key
        from disaster_batch_members m
        where m.county_code = ${b.county_code} and m.batch_id = ${b.id} and m.ordinal > ${b.decided_through} and m.ordinal <= ${upto} and not m.excluded`;
      const n = upto === b.decided_through ? 0 : await decideInBulk(tx, {
        programme: 'disaster', picked, applicant: 'head', ruleSet: ruleSetFor(date, params), decidedOn: date,
        action: 'batch_decide', fromState: null, state: 'granted', phase: 'granted', actor: { id: scope.userId, name: scope.userName, role: scope.role },
        transitionData: ctx, reason: `救助批次 ${b.batch_no}`, fromMonth: b.pay_month, schedule: 'one_off',
      });
      const want = Number(expected.rows[0]?.n ?? 0);
      if (n !== want) throw AppError.conflict('household_head_missing', `批次 ${batchNo} 中有 ${want - n} 户在户籍登记中没有户主，不能决定；请先补登户主`);
      const finished = upto >= total;
      await sql`update disaster_batches set decided_through = ${upto}, decided_on = ${date}, status = ${finished ? 'decided' : 'approved'}, version = version + 1
        where county_code = ${b.county_code} and id = ${b.id}`.execute(tx);
      await appendAudit(tx, scope, {
        action: 'disaster.batch.decide', entity: 'disaster_batch', entityId: batchNo, areaCode: b.county_code,
        after: { from: b.decided_through + 1, through: upto, cases: n, finished, date },
      });
      opts.onProgress?.(upto, total);
      return { b, done: finished, n };
    });
    decidedNow += step.n;
    if (step.done) break;
  }
  return { ...(await batchDetail(db, scope, batchNo)), decidedNow };
}
