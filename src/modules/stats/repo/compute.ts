// The roll-up's rows computed from the source tables (entitlements, households, members, income items,
// cases, intake, complaints, recoveries, payroll, verification, and the rows the medical and
// housing-insurance modules add) for some areas or all of them. The same query serves the incremental
// refresh (dirty areas only), the full recomputation and the benchmark's plain aggregate.
import { sql, type RawBuilder } from 'kysely';
import { dibaoAssessmentQuery, type DibaoAssessmentParameters } from '../../policy/index.ts';
import { statsProgrammes, summaryKeys } from '../domain/catalogue.ts';
import { causeMetric } from '../../../programmes/stats.ts';
import { medicalRollupRows } from '../../medical/index.ts';
import { housingInsuranceRollupRows } from '../../housing-insurance/index.ts';

/** `cause_illness`, …: a monthly entitlement counted under its household's main cause of poverty. */
const CAUSE_PREFIX = causeMetric('');

/** `null` = every area; else the area codes whose rows are recomputed. */
export type AreaFilter = readonly string[] | null;

function filter(areas: AreaFilter, column: string): RawBuilder<unknown> {
  if (areas === null) return sql`true`;
  return sql`${sql.ref(column)} in (select code from jsonb_array_elements_text(cast(${JSON.stringify(areas)} as jsonb)) as d (code))`;
}

// Cases counted as covered, and granted cases whose flags are still open: in payment (also under review
// or in a termination notice) or suspended.
const COVERED_PHASES = sql`('payable', 'suspended')`;

/**
 * Entitlements → per area, metric and month: a monthly one adds households (1), persons, amount and the
 * programme's summary keys from its first month and takes them off from the month after its last; a
 * one-off one counts times (1), persons, amount and summary keys in its month; a monthly one also counts
 * its household under the household's main cause of poverty (`cause_illness`, …). A stop (amount 0) and an
 * entitlement superseded in its own first month count nothing. Hukou: the household's.
 */
function entitlementRows(areas: AreaFilter): RawBuilder<unknown> {
  const keys = JSON.stringify(summaryKeys(statsProgrammes()));
  return sql`
    with seg as (
      select e.area_code, e.county_code, e.programme, e.programme || '.' || h.hukou as prefix, e.schedule, e.from_month,
        case when e.schedule = 'monthly' and e.until_month is not null
          then to_char(to_date(e.until_month, 'YYYY-MM') + interval '1 month', 'YYYY-MM') end as stop_month,
        e.amount_fen, e.persons, e.summary, h.main_poverty_cause
      from entitlement_segments e join households h on h.county_code = e.county_code and h.id = e.household_id
      where ${filter(areas, 'e.area_code')} and e.amount_fen > 0 and (e.until_month is null or e.until_month >= e.from_month)
    ), keys as (
      select * from jsonb_to_recordset(cast(${keys} as jsonb)) as k (programme text, key text)
    )
    select seg.area_code, seg.county_code, seg.prefix || '.' || v.key as metric, m.period, sum(m.sign * v.value) as value
    from seg
    cross join lateral (
      select case when seg.schedule = 'one_off' then 'times' else 'households' end as key, 1::bigint as value
      union all select 'persons', seg.persons::bigint
      union all select 'amount', seg.amount_fen::bigint
      union all select ${CAUSE_PREFIX} || seg.main_poverty_cause, 1::bigint where seg.schedule = 'monthly' and seg.main_poverty_cause is not null
      union all select k.key, round((seg.summary ->> k.key)::numeric)::bigint
        from keys k where k.programme = seg.programme and jsonb_typeof(seg.summary -> k.key) = 'number'
    ) v
    cross join lateral (values (seg.from_month, 1), (seg.stop_month, -1)) as m (period, sign)
    where m.period is not null
    group by 1, 2, 3, 4`;
}

/** Registry snapshot and the 应保尽保 counts per village. */
function registryRows(areas: AreaFilter, assessment: DibaoAssessmentParameters): RawBuilder<unknown> {
  return sql`
    with a as (${dibaoAssessmentQuery(areas, assessment)}),
    hv as (
      select h.county_code, h.village_code, h.poverty_file, h.agricultural,
        (select count(*) from members m where m.county_code = h.county_code and m.household_id = h.id) as n,
        exists (select 1 from cases c where c.county_code = h.county_code and c.household_id = h.id and c.phase in ${COVERED_PHASES}) as covered,
        coalesce(a.eligible, false) as eligible, coalesce(a.near_dibao, false) as near
      from households h left join a on a.county_code = h.county_code and a.household_id = h.id
      where ${filter(areas, 'h.village_code')}
    )
    select hv.village_code as area_code, hv.county_code, v.metric, '' as period, sum(v.value) as value
    from hv cross join lateral (values
      ('registry.households', 1::bigint),
      ('registry.persons', hv.n::bigint),
      ('registry.agricultural_persons', case when hv.agricultural then hv.n else 0 end::bigint),
      ('registry.poverty_file', case when hv.poverty_file then 1 else 0 end::bigint),
      ('warn.poverty_uncovered', case when hv.poverty_file and not hv.covered then 1 else 0 end::bigint),
      ('warn.eligible_uncovered', case when not hv.covered and hv.eligible then 1 else 0 end::bigint),
      ('warn.near_dibao', case when not hv.covered and hv.near then 1 else 0 end::bigint)
    ) as v (metric, value)
    group by 1, 2, 3, 4`;
}

/** Open cases and referrals per due day; intake, complaints and recoveries per month. */
function activityRows(areas: AreaFilter): RawBuilder<unknown> {
  return sql`
    select c.area_code, c.county_code, 'cases.due' as metric, least(c.due_date, c.final_due_date, c.review_due)::text as period, count(*) as value
    from cases c where ${filter(areas, 'c.area_code')} and least(c.due_date, c.final_due_date, c.review_due) is not null
    group by 1, 2, 3, 4
    union all
    select r.area_code, r.county_code, 'referrals.due', p.due_date::text, count(*)
    from intake_parts p join intake_requests r on r.county_code = p.county_code and r.id = p.request_id
    where ${filter(areas, 'r.area_code')} and p.due_date is not null and p.closed_on is null
    group by 1, 2, 3, 4
    union all
    select q.area_code, q.county_code, v.metric, to_char(q.received_on, 'YYYY-MM'), sum(v.value)
    from (
      select r.area_code, r.county_code, r.received_on,
        (select count(*) filter (where p.closed_on is null) = 0 and count(*) > 0 from intake_parts p where p.county_code = r.county_code and p.request_id = r.id) as completed
      from intake_requests r where ${filter(areas, 'r.area_code')}
    ) q cross join lateral (values ('intake.received', 1::bigint), ('intake.completed', case when q.completed then 1 else 0 end::bigint)) as v (metric, value)
    group by 1, 2, 3, 4
    union all
    select k.area_code, k.county_code, v.metric, to_char(k.received_on, 'YYYY-MM'), sum(v.value)
    from complaints k cross join lateral (values
      ('complaints.received', 1::bigint),
      ('complaints.concluded', case when k.status in ('concluded', 'closed') then 1 else 0 end::bigint),
      ('complaints.substantiated', case when k.conclusion in ('substantiated', 'partly_substantiated') then 1 else 0 end::bigint),
      ('complaints.favouritism', case when k.category = 'favouritism' then 1 else 0 end::bigint)
    ) as v (metric, value)
    where ${filter(areas, 'k.area_code')}
    group by 1, 2, 3, 4
    union all
    select c.area_code, c.county_code, v.metric, to_char(f.decided_on, 'YYYY-MM'), sum(v.value)
    from fraud_recoveries f join cases c on c.county_code = f.county_code and c.id = f.case_id
    cross join lateral (values ('recoveries.recovered_fen', f.recovered_fen::bigint), ('recoveries.fine_fen', f.fine_fen::bigint)) as v (metric, value)
    where ${filter(areas, 'c.area_code')}
    group by 1, 2, 3, 4`;
}

/** Payroll totals of approved payrolls per township and month; verification requests and findings; case flags. */
function payrollVerificationRows(areas: AreaFilter): RawBuilder<unknown> {
  return sql`
    select t.township_code as area_code, t.county_code, 'payroll.' || t.programme || '.' || v.metric as metric, p.period, sum(v.value) as value
    from payroll_totals t join payrolls p on p.county_code = t.county_code and p.id = t.payroll_id
    cross join lateral (values ('net_fen', t.net_fen::bigint), ('lines', t.lines::bigint)) as v (metric, value)
    where ${filter(areas, 't.township_code')} and p.status in ('approved', 'exported')
    group by 1, 2, 3, 4
    union all
    select r.area_code, r.county_code, v.metric, to_char(r.requested_on, 'YYYY-MM'), sum(v.value)
    from verification_requests r cross join lateral (values
      ('verification.requests', 1::bigint),
      ('verification.rescreen_requests', case when r.kind = 'rescreen' then 1 else 0 end::bigint)
    ) as v (metric, value)
    where ${filter(areas, 'r.area_code')}
    group by 1, 2, 3, 4
    union all
    select f.area_code, f.county_code, v.metric, to_char(r.requested_on, 'YYYY-MM'), sum(v.value)
    from verification_findings f join verification_requests r on r.county_code = f.county_code and r.id = f.request_id
    cross join lateral (values
      ('verification.findings', 1::bigint),
      ('verification.breaking', case when f.breaks_limit then 1 else 0 end::bigint),
      ('verification.favouritism', case when f.relation is not null and f.relation <> 'self' then 1 else 0 end::bigint)
    ) as v (metric, value)
    where ${filter(areas, 'f.area_code')}
    group by 1, 2, 3, 4
    union all
    select c.area_code, c.county_code, v.metric, '', sum(v.value)
    from cases c cross join lateral (values
      ('warn.rescreen_hits', case when 'verification_warning' = any(c.flags) and c.phase in ${COVERED_PHASES} then 1 else 0 end::bigint),
      ('warn.favouritism_flags', case when c.flags && array['staff_relative', 'cadre_relative'] and c.phase in ${COVERED_PHASES} then 1 else 0 end::bigint)
    ) as v (metric, value)
    where ${filter(areas, 'c.area_code')} and c.flags <> '{}'
    group by 1, 2, 3, 4`;
}

/** Every roll-up row of the areas, zero values left out (a net-zero delta changes nothing). */
export function rollupQuery(areas: AreaFilter, assessment: DibaoAssessmentParameters): RawBuilder<{ area_code: string; county_code: string; metric: string; period: string; value: number }> {
  return sql`
    select area_code, county_code, metric, period, sum(value)::bigint as value from (
      (${entitlementRows(areas)})
      union all
      (${registryRows(areas, assessment)})
      union all
      (${activityRows(areas)})
      union all
      (${payrollVerificationRows(areas)})
      union all
      (${medicalRollupRows((column) => filter(areas, column))})
      union all
      (${housingInsuranceRollupRows((column) => filter(areas, column))})
    ) r group by 1, 2, 3, 4 having sum(value) <> 0`;
}

