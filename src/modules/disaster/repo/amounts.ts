// The relief formulas as SQL over a batch's per-area rates (service/batch-basis.ts): the twin the batch
// computes 400,000 persons with in one statement. Each expression equals the programme's benefit
// (src/programmes/disaster/benefit.ts) for the same claim and rates — a property test holds them equal.
import { sql, type RawBuilder } from 'kysely';
import type { BatchKind } from '../tables.ts';
import type { AreaRates } from '../service/batch-basis.ts';

/** The rates as a table `r` (one row per area). */
export function ratesTable(rates: readonly AreaRates[]): RawBuilder<unknown> {
  return sql`select * from jsonb_to_recordset(cast(${JSON.stringify(rates)} as jsonb)) as r(area text, per_person bigint, rate bigint, unit bigint, days bigint,
    base_collapsed bigint, base_serious bigint, base_general bigint, topup_collapsed bigint, topup_serious bigint, topup_general bigint, priority jsonb,
    first bigint, second bigint, third bigint)`;
}

/** The amount in fen of a claim `c` (jsonb, as in the member's `claim`) at rates `r`. */
export function amountSql(kind: BatchKind): RawBuilder<unknown> {
  const n = (key: string) => sql`(c.claim ->> ${key})::bigint`;
  switch (kind) {
    case 'emergency': return sql`r.per_person * ${n('persons')}`;
    case 'bereavement': return sql`r.per_person * ${n('deceased')}`;
    // 过渡期: rate × persons × days, rounded half up to the unit (policy/money.ts roundToUnit)
    case 'transitional': return sql`((2 * r.rate * ${n('persons')} * r.days + r.unit) / (2 * r.unit)) * r.unit`;
    case 'housing': return sql`(case c.claim ->> 'grade'
      when 'collapsed' then r.base_collapsed + case when r.priority ? (c.claim ->> 'householdType') then r.topup_collapsed else 0 end
      when 'serious' then r.base_serious + case when r.priority ? (c.claim ->> 'householdType') then r.topup_serious else 0 end
      when 'general' then r.base_general + case when r.priority ? (c.claim ->> 'householdType') then r.topup_general else 0 end
      else 0 end)`;
    case 'winter_spring': return sql`r.first * ${n('first')} + r.second * ${n('second')} + r.third * ${n('third')}`;
  }
}

/** What the statistics keep of a member `m` (programmes/disaster/benefit.ts `reliefSummary`). */
export function summarySql(kind: BatchKind): RawBuilder<unknown> {
  const base = sql`jsonb_build_object(${`${kind}_times`}::text, 1, ${`${kind}_persons`}::text, m.persons, ${`${kind}_fen`}::text, m.amount_fen)`;
  if (kind !== 'housing') return base;
  return sql`${base} || case m.claim ->> 'grade' when 'collapsed' then '{"rebuilt":1}'::jsonb
    when 'serious' then '{"repaired":1}'::jsonb when 'general' then '{"repaired":1}'::jsonb else '{}'::jsonb end`;
}
