// What the medical module adds to the statistics' roll-up (the 医疗救助 programme's `moduleMetrics`),
// per village, hukou and month: the hospitals' one-stop settlements (人次 by kind, 重特大, the amount
// with 倾斜) in the month they were settled, and the persons and amount of approved premium-subsidy lists
// in the first month of their insurance year. Claims decided at the window count through their
// entitlements like any claim. `where(column)` is the stats module's area filter.
import { sql, type RawBuilder } from 'kysely';

export const MEDICAL_MODULE_METRICS = [
  'settled_times', 'settled_fen', 'settled_outpatient_times', 'settled_inpatient_times', 'settled_critical_times', 'settled_tilt_fen',
  'subsidised_persons', 'subsidy_fen',
] as const;

export function medicalRollupRows(where: (column: string) => RawBuilder<unknown>): RawBuilder<unknown> {
  return sql`
    select e.area_code, e.county_code, 'medical.' || h.hukou || '.' || v.metric as metric, to_char(e.settled_on, 'YYYY-MM') as period, sum(v.value) as value
    from medical_episodes e join households h on h.county_code = e.county_code and h.id = e.household_id
    cross join lateral (values
      ('settled_times', 1::bigint),
      ('settled_fen', (e.assistance_fen + e.tilt_fen)::bigint),
      ('settled_outpatient_times', case when e.kind = 'outpatient' and not e.critical then 1 else 0 end::bigint),
      ('settled_inpatient_times', case when e.kind = 'inpatient' and not e.critical then 1 else 0 end::bigint),
      ('settled_critical_times', case when e.critical then 1 else 0 end::bigint),
      ('settled_tilt_fen', e.tilt_fen::bigint)
    ) as v (metric, value)
    where ${where('e.area_code')} and e.source = 'settlement' and e.status = 'paid'
    group by 1, 2, 3, 4
    union all
    select s.area_code, s.county_code, 'medical.' || h.hukou || '.' || v.metric, l.year::text || '-01', sum(v.value)
    from medical_subsidy_entries s
    join medical_subsidy_lists l on l.county_code = s.county_code and l.id = s.list_id
    join households h on h.county_code = s.county_code and h.id = s.household_id
    cross join lateral (values ('subsidised_persons', 1::bigint), ('subsidy_fen', s.subsidy_fen::bigint)) as v (metric, value)
    where ${where('s.area_code')} and l.status in ('approved', 'exported') and not s.excluded
    group by 1, 2, 3, 4`;
}
