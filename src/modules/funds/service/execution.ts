// Execution of the budget (执行) per county and programme for a year, as of a day: the budget by source, the
// transfers received by then, what the payroll paid for the year's months up to then (its ledger's benefit
// account: approved payrolls, net of deductions and bank returns), and
//   execution rate = spent ÷ budget (the year's budget of every source; null without one),
//   到位率        = received ÷ budget.
// The schedule (序时进度) is the months elapsed ÷ 12: the month of the day (a year past: 12; a year not begun: 0).
// A county and programme is behind when spent < budget × (months ÷ 12 − tolerance), rounded to the fen; the
// tolerance is the dated parameter `funds.execution_tolerance` (demo default 0.1).
import type { z } from 'zod';
import type { Database } from '../../../db/engine.ts';
import { todayInChina } from '../../../kernel/clock.ts';
import { inArea, visibleCounties, type Scope } from '../../../kernel/scope.ts';
import { spendingByProgramme } from '../../payroll/index.ts';
import { databaseParameterSet } from '../../policy/index.ts';
import { FUND_SOURCES, type FundSource } from '../codes.ts';
import type { executionQuery, ExecutionResult } from '../contract/funds.ts';
import { allow } from '../permissions.ts';
import { budgetsIn, transfersIn } from '../repo/funds.ts';
import { readArea } from './access.ts';
import { programmeName } from './labels.ts';

export const TOLERANCE_PARAMETER = 'funds.execution_tolerance';

export function monthsElapsed(year: number, asOf: string): number {
  const y = Number(asOf.slice(0, 4));
  if (y < year) return 0;
  if (y > year) return 12;
  return Number(asOf.slice(5, 7));
}

/** The spending that keeps to the schedule less the tolerance: below it, execution is behind. */
export const scheduleFloor = (budgetFen: number, months: number, tolerance: number): number => Math.round(budgetFen * (months / 12 - tolerance));

type BySource = Record<FundSource, number>;
const noSources = (): BySource => ({ central: 0, provincial: 0, prefecture: 0, county: 0 });
const ratio = (a: number, b: number) => (b > 0 ? a / b : null);

export async function execution(db: Database, scope: Scope, q: z.output<typeof executionQuery>): Promise<ExecutionResult> {
  allow(scope, 'funds.read');
  const area = await readArea(db, scope, q.area);
  const asOf = q.asOf ?? todayInChina();
  const months = monthsElapsed(q.year, asOf);
  const until = months === 12 ? `${q.year}-12-31` : asOf;
  const day = asOf < `${q.year}-01-01` ? `${q.year}-01-01` : until;
  const params = await databaseParameterSet(db);
  const tolerance = Number(params.get(TOLERANCE_PARAMETER, area.code, day).value);

  const budgets = await budgetsIn(db.kysely, visibleCounties(scope, 'b.county_code'), inArea(area.code, 'b.county_code'), q.year);
  const transfers = months === 0 ? [] : await transfersIn(db.kysely, visibleCounties(scope, 't.county_code'), inArea(area.code, 't.county_code'), `${q.year}-01-01`, until);
  const spent = months === 0 ? [] : await spendingByProgramme(db, scope, { area: area.code, from: `${q.year}-01`, to: `${q.year}-${String(months).padStart(2, '0')}` });

  const names = new Map<string, string>();
  const rows = new Map<string, { countyCode: string; programme: string; budgetBySource: BySource; receivedFen: number; spentFen: number }>();
  const at = (county: string, programme: string) => {
    const key = `${county}/${programme}`;
    let r = rows.get(key);
    if (!r) rows.set(key, (r = { countyCode: county, programme, budgetBySource: noSources(), receivedFen: 0, spentFen: 0 }));
    return r;
  };
  for (const b of budgets) { names.set(b.county_code, b.county_name); at(b.county_code, b.programme).budgetBySource[b.source] += b.amount_fen; }
  for (const t of transfers) { names.set(t.county_code, t.county_name); at(t.county_code, t.programme).receivedFen += t.amount_fen; }
  for (const s of spent) at(s.countyCode, s.programme).spentFen += s.amountFen;
  const missing = [...new Set([...rows.values()].map((r) => r.countyCode))].filter((c) => !names.has(c));
  if (missing.length > 0) for (const a of await db.kysely.selectFrom('areas').select(['code', 'name']).where('code', 'in', missing).execute()) names.set(a.code, a.name);

  const items = [...rows.values()].sort((a, b) => a.countyCode.localeCompare(b.countyCode) || a.programme.localeCompare(b.programme)).map((r) => {
    const budgetFen = FUND_SOURCES.reduce((s, k) => s + r.budgetBySource[k], 0);
    return {
      countyCode: r.countyCode, countyName: names.get(r.countyCode) ?? r.countyCode, programme: r.programme, programmeLabel: programmeName(r.programme),
      budgetFen, budgetBySource: r.budgetBySource, receivedFen: r.receivedFen, spentFen: r.spentFen,
      rate: ratio(r.spentFen, budgetFen), receivedRate: ratio(r.receivedFen, budgetFen), expected: months / 12,
      behind: budgetFen > 0 && months > 0 && r.spentFen < scheduleFloor(budgetFen, months, tolerance),
    };
  });
  const total = { budgetFen: 0, budgetBySource: noSources(), receivedFen: 0, spentFen: 0, rate: null as number | null };
  for (const i of items) {
    total.budgetFen += i.budgetFen; total.receivedFen += i.receivedFen; total.spentFen += i.spentFen;
    for (const k of FUND_SOURCES) total.budgetBySource[k] += i.budgetBySource[k];
  }
  total.rate = ratio(total.spentFen, total.budgetFen);
  return { area: area.code, areaName: area.name, year: q.year, asOf, monthsElapsed: months, tolerance, items, total };
}

export async function fundWarnings(db: Database, scope: Scope, q: z.output<typeof executionQuery>) {
  const e = await execution(db, scope, q);
  return { area: e.area, year: e.year, asOf: e.asOf, items: e.items.filter((i) => i.behind) };
}
