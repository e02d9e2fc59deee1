// The 低保 formula's outcome for the file's rows set-based, by the policy module's SQL twin of the benefit
// (the bulk re-rating's), instead of reading every household's registry rows into JS: one statement per
// set of parameters in force on the rows' approval dates. Parameter values change only on their effective
// dates (and the rule set on its switch date), so the dates between two such days share their values but
// the elderly boundary (a birth date: the day minus the elderly age); their rows share a statement at the
// earliest date's boundary, and a row with a member born between that boundary and its own date's is left
// to the formula in JS. The twin gives the amount and top-ups of an eligible household, and for one not
// eligible the formula's words with the twin's income and standard. A household without members or
// parameters is left to the formula in JS. Proved equal to the formula by twin.test.ts.
import { sql, type RawBuilder, type SqlBool } from 'kysely';
import type { Database } from '../../../db/engine.ts';
import { isIsoDate, type ParameterRow } from '../../../policy/index.ts';
import { notEligibleMessage } from '../../../programmes/dibao/benefit.ts';
import { benefitQuery, dibaoBenefitParameters, parameterRows, type DibaoBenefitParameters, type DibaoBenefitRow } from '../../policy/index.ts';

export interface TwinInput {
  countyCode: string;
  householdId: number;
  /** The approval date: the parameters in force then. */
  date: string;
  /** The household's members' birth dates. */
  births: readonly string[];
}

/** The formula's outcome: the amount and the members with a top-up (the statistics' `topup`), or why it grants nothing. */
export type TwinOutcome = { ok: true; amountFen: number; topup: number } | { ok: false; message: string };

const BORN_BY = 'elderly_born_by';
const RULE_SET_SWITCH = 'rule_set.cn_2021_effective';

/** The days on which some parameter value (or the rule set) changes. */
function changeDays(rows: readonly ParameterRow[]): string[] {
  const days = new Set<string>();
  for (const r of rows) {
    days.add(r.effective);
    if (r.name === RULE_SET_SWITCH && typeof r.value === 'string') days.add(r.value);
  }
  return [...days].sort();
}

/** Everything the twin reads but the elderly boundary. */
const keyOf = (p: DibaoBenefitParameters) => JSON.stringify([p.overrides, p.params.map((x) => [x.v, { ...x.values, [BORN_BY]: null }])]);

/** The elderly boundary on `date` of an area, from its boundary on `resolvedOn` (the same age): as `bornBy` of the policy module. */
function bornByOn(p: DibaoBenefitParameters, resolvedOn: string, area: string, date: string): string | undefined {
  const at = p.params.find((x) => x.v === area)?.values[BORN_BY];
  if (typeof at !== 'string') return undefined;
  const age = Number(resolvedOn.slice(0, 4)) - Number(at.slice(0, 4));
  const same = `${String(Number(date.slice(0, 4)) - age).padStart(4, '0')}${date.slice(4)}`;
  return isIsoDate(same) ? same : `${same.slice(0, 4)}-02-28`;
}

/** What the caseload reads of a twin's row. */
interface TwinRow { parameter_area: string; eligible: boolean; per_capita_income: number; standard: number; total: number | null; topups: number }

/**
 * The twin's rows by household (`county|id`), answered as one text of a line per household: on PGlite each
 * value a statement outputs costs more than computing it (90,000 households: 2.7 s of CPU as rows, 1.8 s so).
 */
async function twinRows(db: Database, twin: RawBuilder<DibaoBenefitRow>): Promise<Map<string, TwinRow>> {
  const { rows } = await sql<{ t: string | null }>`
    select string_agg(concat_ws('|', t.county_code, t.household_id, case when t.eligible then 1 else 0 end, t.per_capita_income, t.standard,
      coalesce(t.total::text, ''), coalesce(t.topups, 0), t.parameter_area), E'\n') as t
    from (${twin}) as t`.execute(db.kysely);
  const out = new Map<string, TwinRow>();
  for (const line of rows[0]?.t ? rows[0].t.split('\n') : []) {
    const [county, household, eligible, income, standard, total, topups, area] = line.split('|') as [string, string, string, string, string, string, string, string];
    out.set(`${county}|${Number(household)}`, {
      parameter_area: area, eligible: eligible === '1', per_capita_income: Number(income), standard: Number(standard), total: total === '' ? null : Number(total), topups: Number(topups),
    });
  }
  return out;
}

/** The outcomes the twin gives exactly, by the index of the row in `rows`; the rows left out need the formula in JS. */
export async function dibaoOutcomesByTwin(db: Database, rows: readonly TwinInput[]): Promise<Map<number, TwinOutcome>> {
  const outcomeOf = await dibaoTwin(db, rows);
  const out = new Map<number, TwinOutcome>();
  rows.forEach((r, i) => {
    const o = outcomeOf(i, r.births);
    if (o) out.set(i, o);
  });
  return out;
}

/** What the twin gives for a row and its household's members' birth dates (undefined: the formula in JS). */
export type TwinOutcomeOf = (i: number, births: readonly string[]) => TwinOutcome | undefined;

/**
 * The twin's statements for these rows (approval date, household), without the members' birth dates: the
 * caller runs them while it reads the members, and asks the answer per row with the births (a member on
 * the elderly boundary leaves the row to the formula in JS).
 */
export async function dibaoTwin(db: Database, rows: readonly Omit<TwinInput, 'births'>[]): Promise<TwinOutcomeOf> {
  const found = new Array<{ outcome: TwinOutcome; from: string; to: string } | undefined>(rows.length);
  const outcomeOf: TwinOutcomeOf = (i, births) => {
    const f = found[i];
    return f === undefined || births.some((b) => b > f.from && b <= f.to) ? undefined : f.outcome;
  };
  if (rows.length === 0) return outcomeOf;
  const counties = [...new Set(rows.map((r) => r.countyCode))].sort();
  const parameters = await parameterRows(db);
  const days = changeDays(parameters);
  const resolved = new Map<string, DibaoBenefitParameters>();
  const resolve = async (date: string) => {
    let p = resolved.get(date);
    if (!p) resolved.set(date, (p = await dibaoBenefitParameters(db, date, counties, parameters)));
    return p;
  };
  // Rows by span between change days; a span's rows share the parameters of its earliest date when its
  // latest date has the same (else, which the change days rule out, each date is resolved on its own).
  const spans = new Map<number, number[]>();
  rows.forEach((r, i) => {
    const span = days.filter((d) => d <= r.date).length;
    const list = spans.get(span);
    if (list) list.push(i);
    else spans.set(span, [i]);
  });
  const groups = new Map<string, { base: DibaoBenefitParameters; on: string; rows: number[] }>();
  const add = (base: DibaoBenefitParameters, on: string, list: readonly number[]) => {
    const key = keyOf(base);
    const g = groups.get(key);
    if (!g) groups.set(key, { base, on, rows: [...list] });
    else {
      if (on < g.on) Object.assign(g, { base, on });
      g.rows.push(...list);
    }
  };
  for (const list of spans.values()) {
    const dates = [...new Set(list.map((i) => rows[i]!.date))].sort();
    const first = await resolve(dates[0]!);
    if (keyOf(await resolve(dates.at(-1)!)) === keyOf(first)) add(first, dates[0]!, list);
    else for (const date of dates) add(await resolve(date), date, list.filter((i) => rows[i]!.date === date));
  }
  const list = `{${counties.join(',')}}`;
  const inCounties = (column: string) => sql<SqlBool>`${sql.ref(column)} = any(cast(${list} as text[]))`;
  for (const g of groups.values()) {
    if (g.base.params.length === 0) continue;
    const picked = sql<SqlBool>`(h.county_code, h.id) in (select * from unnest(${`{${g.rows.map((i) => rows[i]!.countyCode).join(',')}}`}::text[],
      ${`{${g.rows.map((i) => rows[i]!.householdId).join(',')}}`}::bigint[]))`;
    const byHousehold = await twinRows(db, benefitQuery({ households: picked, rows: { counties: inCounties } }, g.base.params, g.base.overrides, { members: false }));
    for (const i of g.rows) {
      const r = rows[i]!;
      const t = byHousehold.get(`${r.countyCode}|${r.householdId}`);
      if (!t) continue;
      const from = bornByOn(g.base, g.on, t.parameter_area, g.on);
      const to = bornByOn(g.base, g.on, t.parameter_area, r.date);
      if (from === undefined || to === undefined) continue;
      if (!t.eligible) found[i] = { from, to, outcome: { ok: false, message: notEligibleMessage(Number(t.per_capita_income), Number(t.standard)) } };
      else if (t.total !== null) found[i] = { from, to, outcome: { ok: true, amountFen: Number(t.total), topup: Number(t.topups ?? 0) } };
    }
  }
  return outcomeOf;
}
