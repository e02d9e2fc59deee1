// The batch's SQL twin of the relief formulas (repo/amounts.ts over the per-area rates of
// service/batch-basis.ts) equals the programme's benefit (src/programmes/disaster/benefit.ts) — amount
// and the statistics' summary — for random claims of every kind, on the real database and parameters.
import fc from 'fast-check';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/engine.ts';
import { ENGINE, testDatabase } from '../../test/db.ts';
import { ruleSetFor } from '../../policy/index.ts';
import { disasterBenefit, reliefSummary } from '../../programmes/disaster/benefit.ts';
import type { ReliefClaim } from '../../programmes/disaster/context.ts';
import { caseParameters } from '../cases/index.ts';
import { amountSql, ratesTable, summarySql } from './repo/amounts.ts';
import { areaRates } from './service/batch-basis.ts';
import type { HouseholdFacts } from '../../policy/index.ts';

const n = fc.integer({ min: 0, max: 12 });
const date = fc.constantFrom('2015-07-20', '2016-03-01', '2021-08-10');
const claimArb: fc.Arbitrary<ReliefClaim> = fc.oneof(
  fc.record({ kind: fc.constant('emergency' as const), persons: n }),
  fc.record({ kind: fc.constant('bereavement' as const), deceased: n }),
  fc.record({ kind: fc.constant('transitional' as const), persons: n, startDate: fc.constantFrom('2015-07-15', '2015-12-31', '2016-02-01'), endDate: fc.constantFrom('2015-07-15', '2015-08-30', '2016-01-31', '2016-12-31') })
    .filter((c) => c.endDate >= c.startDate),
  fc.record({ kind: fc.constant('housing' as const), grade: fc.constantFrom('collapsed' as const, 'serious' as const, 'general' as const), householdType: fc.constantFrom('ordinary', 'dibao', 'hardship_dispersed', 'poor_disabled'), persons: n }),
  fc.record({ kind: fc.constant('winter_spring' as const), first: n, second: n, third: n }),
);

describe(`the batch's SQL amounts equal the benefit (${ENGINE})`, () => {
  let db: Database;
  beforeAll(async () => {
    db = await testDatabase();
  });
  afterAll(async () => db?.close());

  it('for random claims of every kind, areas and dates', async () => {
    const params = await caseParameters(db);
    await fc.assert(fc.asyncProperty(claimArb, date, fc.constantFrom('522701001001', '522702001001', '522732100200'), async (claim, on, area) => {
      const ruleSet = ruleSetFor(on, params);
      const period = claim.kind === 'transitional' ? { startDate: claim.startDate, endDate: claim.endDate } : undefined;
      const { rates } = areaRates(params, area, { kind: claim.kind, date: on, ruleSet, ...(period ? { period } : {}) });
      const ref = disasterBenefit.decide({ household: {} as HouseholdFacts, applicantId: '1', context: { relief: { batchNo: 'x', claim } }, params, ruleSet, date: on, areaCode: area, ledger: {} });
      if (!('amountFen' in ref)) throw new Error(`refused: ${ref.message}`);
      const { rows } = await sql<{ amount: string; summary: Record<string, number> }>`
        with c as (select cast(${JSON.stringify(claim)} as jsonb) as claim), r as (${ratesTable([rates])}),
        m as (select c.claim, (${amountSql(claim.kind)})::bigint as amount_fen, ${ref.persons}::int as persons from c, r)
        select m.amount_fen::text as amount, ${summarySql(claim.kind)} as summary from m`.execute(db.kysely);
      expect(Number(rows[0]!.amount)).toBe(ref.amountFen);
      expect(rows[0]!.summary).toEqual(reliefSummary(claim, ref.persons, ref.amountFen));
      expect(ref.summary).toEqual(reliefSummary(claim, ref.persons, ref.amountFen));
    }), { numRuns: 120 });
  }, 120_000);
});
