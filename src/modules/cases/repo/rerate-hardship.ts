// The 特困 support twin: what `hardshipSupport` (src/policy/formulas/hardship-support.ts) gives for the
// applicant of a case, set-based — basic living = max(yearly standard of the form of support / 12,
// round(monthly dibao standard of the person's hukou × factor)), plus the care standard of the self-care
// level (0 unable items: self_care; ≤ partial_max: partial; more: full), rounded half up to the unit.
// The form and the six-item assessment are the case's context (`support.mode`, `selfCare`); a case
// without them, or whose applicant left the household, gets no amount (review). Parameters are resolved
// in TypeScript per village (service/rerate-parameters.ts), one row each.
import { sql, type RawBuilder } from 'kysely';
import { SELF_CARE_ITEMS } from '../../../policy/index.ts';

/** A village's parameters in force, money in fen per month (`institutional`/`home_based` per year). */
export type HardshipAreaParams = {
  v: string;
  institutional: number;
  home_based: number;
  factor: number;
  urban: number;
  rural: number;
  care_self_care: number;
  care_partial: number;
  care_full: number;
  unit: number;
  partial_max: number;
};

const COLUMNS = 'v text, institutional bigint, home_based bigint, factor numeric, urban bigint, rural bigint, care_self_care bigint, care_partial bigint, care_full bigint, unit bigint, partial_max int';

/** From `cur` (county_code, case_id, household_id, area_code, applicant_member_id, context): case_id, mode, new_amount, worksheet. */
export function hardshipSupportSql(cur: RawBuilder<unknown>, params: readonly HardshipAreaParams[]): RawBuilder<unknown> {
  const unable = sql.join(SELF_CARE_ITEMS.map((item) => sql`(case when coalesce((cur.context -> 'selfCare' ->> ${sql.lit(item)})::boolean, false) then 0 else 1 end)`), sql` + `);
  return sql`
    with hp as (select * from jsonb_to_recordset(cast(${JSON.stringify(params)} as jsonb)) as x(${sql.raw(COLUMNS)})),
    a as (
      select cur.case_id, cur.context ->> 'support' is not null and cur.context ->> 'selfCare' is not null and m.id is not null as assessed,
        cur.context -> 'support' ->> 'mode' as mode, m.hukou, ${unable} as unable, hp.*
      from ${cur} cur
      join hp on hp.v = cur.area_code
      left join members m on m.county_code = cur.county_code and m.household_id = cur.household_id and m.id = cur.applicant_member_id
    ), b as (
      select a.*,
        (2 * (case when a.mode = 'institutional' then a.institutional else a.home_based end) + 12) / 24 as fixed,
        case when a.factor = 0 then 0 else round((case when a.hukou = 'urban' then a.urban else a.rural end) * a.factor)::bigint end as floor_amount,
        case when a.unable = 0 then 'self_care' when a.unable <= a.partial_max then 'partial' else 'full' end as level
      from a
    ), c as (
      select b.*, greatest(b.fixed, b.floor_amount) as basic_living,
        case b.level when 'self_care' then b.care_self_care when 'partial' then b.care_partial else b.care_full end as care
      from b
    )
    select c.case_id, c.mode,
      case when c.assessed and c.mode in ('institutional', 'home_based') then (2 * (c.basic_living + c.care) + c.unit) / (2 * c.unit) * c.unit end as new_amount,
      jsonb_build_object('programme', 'hardship', 'assessed', c.assessed, 'mode', c.mode, 'hukou', c.hukou, 'selfCare', c.level, 'unable', c.unable,
        'fixed', c.fixed, 'dibaoMultiple', c.floor_amount, 'basicLiving', c.basic_living, 'care', c.care,
        'total', case when c.assessed then (2 * (c.basic_living + c.care) + c.unit) / (2 * c.unit) * c.unit end) as worksheet
    from c`;
}
