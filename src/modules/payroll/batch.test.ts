// A run over many small counties writes them in batches (service/batch.ts): each county ends exactly as if it
// had run alone — lines, totals, one-offs, arrears of a re-rating, a fraud recovery deducted, its own
// `payroll.run` audit entry — month after month; a county with a payroll or a blocking one is left to itself;
// a failing county leaves its batch as it was and stops the run there, as county by county.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/engine.ts';
import { systemScope } from '../../kernel/scope.ts';
import { ENGINE, testDatabase } from '../../test/db.ts';
import { verify } from '../audit/index.ts';
import { loadDemoRecipients } from '../cases/index.ts';
import { loadDemoHouseholds } from '../registry/index.ts';
import { approvePayroll, discardPayroll } from './service/payrolls.ts';
import { runPayroll } from './service/run.ts';
import { BATCH_LIMITS, plan, SMALL_COUNTY_ENTITLEMENTS } from './service/batch.ts';
import { addDecision, addFraudRecovery, invariants, lineSet, rows } from './testing.ts';

const system = systemScope('test');

describe('payroll batches: which counties go together', () => {
  it('keeps code order, puts a large county alone, keeps a batch to one partition and closes it at its limits', () => {
    const big = SMALL_COUNTY_ENTITLEMENTS + 1;
    const sized = (entries: [string, number, number?][]) => new Map(entries.map(([c, entitlements, partition]) => [c, { entitlements, partition: partition ?? 1 }]));
    expect(plan(['a', 'b', 'c', 'd', 'e'], sized([['a', 10], ['c', big], ['e', 5]]))).toEqual([['a', 'b'], ['c'], ['d', 'e']]);
    // a partitioned database: a batch keeps to one partition
    expect(plan(['a', 'b', 'c', 'd'], sized([['a', 1, 7], ['b', 1, 3], ['c', 1, 7], ['d', 1, 3]]))).toEqual([['a', 'c'], ['b', 'd']]);
    const many = Array.from({ length: BATCH_LIMITS.counties + 1 }, (_, i) => String(i).padStart(4, '0'));
    expect(plan(many, new Map()).map((g) => g.length)).toEqual([BATCH_LIMITS.counties, 1]);
    const fit = BATCH_LIMITS.entitlements / SMALL_COUNTY_ENTITLEMENTS;
    const small = many.slice(0, fit + 1);
    expect(plan(small, sized(small.map((c) => [c, SMALL_COUNTY_ENTITLEMENTS]))).map((g) => g.length)).toEqual([fit, 1]);
  });
});

describe(`payroll of many counties in batches (${ENGINE})`, () => {
  let db: Database;
  let counties: string[] = [];
  beforeAll(async () => {
    db = await testDatabase();
    await loadDemoHouseholds(db, system, { households: 400, seed: 'batch' });
    await loadDemoRecipients(db, system, { dibaoPerMille: 300, hardship: true, seed: 'batch', decidedOn: '2015-03-10' });
    counties = (await rows<{ code: string }>(db, `select code from areas where level = 'county' order by code`)).map((r) => r.code);
  }, 120_000);
  afterAll(async () => {
    await db.close();
  });

  const payrollsOf = (period: string) => rows<{ county_code: string; payroll_no: string; status: string }>(db, `select county_code, payroll_no, status from payrolls where period = '${period}' order by county_code`);
  const discardAll = async (period: string) => {
    for (const p of await payrollsOf(period)) await discardPayroll(db, system, p.payroll_no);
  };
  const firstCases = (n: number) => rows<{ county_code: string; id: number; household_id: number; area_code: string }>(db, `
    select distinct on (county_code) county_code, id, household_id, area_code from cases where programme = 'dibao' and state = 'approved' order by county_code, id limit ${n}`);

  /** Runs the period over every county (batched), then each county alone, and expects the same; leaves the alone run approved. */
  async function batchedEqualsAlone(period: string) {
    let last = [0, 0];
    const batched = await runPayroll(db, system, { period, onProgress: (done, total) => { last = [done, total]; } });
    expect(batched.map((r) => [r.countyCode, r.status, r.written])).toEqual(counties.map((c) => [c, 'draft', true]));
    expect(last).toEqual([counties.length, counties.length]);
    const audit = await rows<{ entity_id: string; area_code: string; chain_key: string; lines: string; net: string }>(db, `
      select entity_id, area_code, chain_key, after ->> 'lines' as lines, after ->> 'netFen' as net from audit_log
      where action = 'payroll.run' and entity_id like 'FF%${period.replace('-', '')}' order by entity_id`);
    // one entry per county, naming it and its sums; one transaction for them all (one chain: it is the first entry's)
    expect(audit.map((a) => a.area_code)).toEqual(counties);
    expect(new Set(audit.map((a) => a.chain_key)).size).toBe(1);
    const sets = new Map<string, string[]>();
    for (const [i, county] of counties.entries()) {
      const inv = await invariants(db, county, period);
      expect([inv.totalLines, inv.totalsNet]).toEqual([inv.lines, inv.linesNet]);
      expect([batched[i]!.lines, batched[i]!.netFen]).toEqual([inv.lines, inv.linesNet]);
      expect([Number(audit[i]!.lines), Number(audit[i]!.net)]).toEqual([inv.lines, inv.linesNet]);
      sets.set(county, await lineSet(db, county, period));
    }
    await discardAll(period);
    for (const county of counties) {
      await runPayroll(db, system, { period, countyCode: county });
      expect(await lineSet(db, county, period), county).toEqual(sets.get(county));
    }
    for (const p of await payrollsOf(period)) await approvePayroll(db, system, p.payroll_no);
    return sets;
  }

  it('writes every county as if it ran alone, month after month: one-offs, a fraud recovery deducted, arrears of a re-rating', async () => {
    const [a, b, c] = await firstCases(3);
    expect(c).toBeDefined();
    await addDecision(db, { county: b!.county_code, caseId: b!.id }, { kind: 'approve', effectiveMonth: '2015-04', amountFen: 12_300, schedule: 'one_off', method: 'cash' });
    await addFraudRecovery(db, { county: c!.county_code, caseId: c!.id, householdId: c!.household_id, areaCode: c!.area_code }, { obtainedFen: 50_000, recoveredFen: 0, fineMultiple: 1, decidedOn: '2015-03-20' });
    const april = await batchedEqualsAlone('2015-04');
    expect(april.get(b!.county_code)!.some((l) => l.endsWith(':recipient:cash'))).toBe(true);
    // programme:recipient:regular:arrears:one_off:reissue:deduction:net:payee:method
    expect(april.get(c!.county_code)!.some((l) => l.split(':')[6] !== '0')).toBe(true);
    // a re-rating from April decided after April was paid: May pays the difference as arrears
    await addDecision(db, { county: a!.county_code, caseId: a!.id }, { kind: 'change', effectiveMonth: '2015-04', amountFen: 99_900 });
    const may = await batchedEqualsAlone('2015-05');
    expect(may.get(a!.county_code)!.some((l) => l.includes(':99900:'))).toBe(true);
    expect(await verify(db, system)).toMatchObject({ ok: true });
  });

  it('leaves a county with a payroll of the period, or one blocking it, to itself', async () => {
    const [x] = await firstCases(1);
    const county = x!.county_code;
    await runPayroll(db, system, { period: '2015-06', countyCode: county });
    const all = await runPayroll(db, system, { period: '2015-06' });
    expect(all.map((r) => [r.countyCode, r.written])).toEqual(counties.map((c) => [c, c !== county]));
    // the county's June draft is open: its July is refused, every other county's July is written
    for (const p of await payrollsOf('2015-06')) if (p.county_code !== county) await approvePayroll(db, system, p.payroll_no);
    await expect(runPayroll(db, system, { period: '2015-07' })).rejects.toMatchObject({ status: 409, code: 'earlier_payroll_open' });
    expect((await payrollsOf('2015-07')).map((p) => p.county_code)).toEqual(counties.filter((c) => c !== county));
  });

  it('a failing county leaves its batch as it was: the counties before it are written, it and those after it not', async () => {
    const period = '2015-09';
    const at = 2;
    const failing = counties[at]!;
    for (const p of await rows<{ payroll_no: string }>(db, `select payroll_no from payrolls where status = 'draft' order by period`)) await approvePayroll(db, system, p.payroll_no);
    const hooks = { afterChunk: ({ county }: { county: string }) => {
      if (county === failing) throw new Error(`failed in ${county}`);
    } };
    await expect(runPayroll(db, system, { period, hooks })).rejects.toThrow(`failed in ${failing}`);
    expect((await payrollsOf(period)).map((p) => [p.county_code, p.status])).toEqual(counties.slice(0, at).map((c) => [c, 'draft']));
    expect(await rows(db, `select 1 from payroll_lines where period = '${period}' and county_code >= '${failing}'`)).toEqual([]);
    const rest = await runPayroll(db, system, { period });
    expect(rest.map((r) => r.written)).toEqual(counties.map((_, i) => i >= at));
  });
});
