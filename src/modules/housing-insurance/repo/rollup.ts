// What 政策性农房保险 adds to the statistics' roll-up (the 受灾人员救助 programme's `moduleMetrics`), per
// village, hukou and month:
// - `insured_households`: the households insured under a county's policy, counted once per policy year as
//   a flow in the policy's first month within its year (the month of `coverage_from`, or January when the
//   coverage began the year before). A year's `total` is then the households insured that year; an
//   insurer list imported later still counts in that first month.
// - `insurance_claims_paid` (houses, 理赔农房) and `insurance_paid_fen` (兑付保险金): paid claims in the month
//   of payment (`paid_on`). Reported, assessed and refused claims count nothing.
// Metric names are the programme's: `disaster.<hukou>.<key>`. `where(column)` is the stats module's area
// filter. Kept current by the triggers of migration 0095 (insured households inserted or deleted, claims
// inserted or changed mark their villages in `stats_dirty`).
import { sql, type RawBuilder } from 'kysely';

export const HOUSING_INSURANCE_MODULE_METRICS = ['insured_households', 'insurance_claims_paid', 'insurance_paid_fen'] as const;

export function housingInsuranceRollupRows(where: (column: string) => RawBuilder<unknown>): RawBuilder<unknown> {
  return sql`
    select i.area_code, i.county_code, 'disaster.' || h.hukou || '.insured_households' as metric,
      to_char(greatest(p.coverage_from, make_date(p.year, 1, 1)), 'YYYY-MM') as period, count(*)::bigint as value
    from housing_insurance_insured i
    join housing_insurance_policies p on p.county_code = i.county_code and p.id = i.policy_id
    join households h on h.county_code = i.county_code and h.id = i.household_id
    where ${where('i.area_code')}
    group by 1, 2, 3, 4
    union all
    select c.area_code, c.county_code, 'disaster.' || h.hukou || '.' || v.metric, to_char(c.paid_on, 'YYYY-MM'), sum(v.value)
    from housing_insurance_claims c
    join households h on h.county_code = c.county_code and h.id = c.household_id
    cross join lateral (values ('insurance_claims_paid', 1::bigint), ('insurance_paid_fen', c.paid_fen::bigint)) as v (metric, value)
    where ${where('c.area_code')} and c.status = 'paid'
    group by 1, 2, 3, 4`;
}
