// The dibao benefit twin: per registry household, what `dibaoBenefit` (src/policy/formulas/dibao-benefit.ts)
// gives on the household's facts (registry/facts.ts) — eligible, per-capita income, the household's
// standard, and for an eligible household each counted member's standard, gap, top-up category, rate,
// top-up and share, and the total — in one set-based statement over the selected households. Built from
// the simulator's pieces (twin-parameters.ts, twin-facts.ts, twin-dibao.ts); proved equal to the formula
// by the bulk re-rating's property test (src/modules/cases/rerate.property.test.ts).
import { sql, type RawBuilder } from 'kysely';
import {
  eligibleSql, householdStandardSql, memberGapSql, memberRateSql, memberShareSql, memberStandardSql, memberTopupCategorySql, memberTopupSql,
  perCapitaIncomeSql, type TwinScenario,
} from './twin-dibao.ts';
import { householdFactsCtes, type FactsSelection } from './twin-facts.ts';
import { BENEFIT_COLUMNS, ELIGIBILITY_COLUMNS, kindSplit, parameterColumns, parameterTable, type AreaParams } from './twin-parameters.ts';

/** One household's benefit. Money in fen per month; `members` and `total` null when not eligible. */
export type DibaoBenefitRow = {
  county_code: string;
  household_id: number;
  /** The area key whose parameters were used (county, or a township/village with its own values). */
  parameter_area: string;
  persons: number;
  per_capita_income: number;
  standard: number;
  eligible: boolean;
  total: number | null;
  /** Σ gaps and the members with a top-up (what the statistics keep: `summary`). */
  gap: number | null;
  topups: number | null;
  /** [{name, hukou, standard, gap, category, rate, topup, share}] in member order. */
  members: BenefitMember[] | null;
};

export type BenefitMember = { name: string; hukou: 'urban' | 'rural'; standard: number; gap: number; category: string | null; rate: number; topup: number; share: number };

const COLUMNS = [...ELIGIBILITY_COLUMNS, ...BENEFIT_COLUMNS];

/**
 * `members: false` leaves the members' list out (null): building it is most of the statement's cost where
 * only the amounts are wanted (the caseload import's warnings).
 */
export function benefitQuery(selection: Pick<FactsSelection, 'households' | 'rows'>, params: readonly AreaParams[], overrides: readonly string[], opts: { members: boolean } = { members: true }): RawBuilder<DibaoBenefitRow> {
  const { always, varying } = kindSplit(params);
  const onP: TwinScenario = { alias: 'p', k: 0, varying };
  const onE: TwinScenario = { alias: 'e', k: 0, varying };
  return sql<DibaoBenefitRow>`
    with p as materialized (${parameterTable(params, [0], COLUMNS)}),
    ${householdFactsCtes({ ...selection, overrides, always, varying })},
    e as materialized (
      select f.county_code, f.id, f.v, f.categories, f.n,
        ${perCapitaIncomeSql(onP)}::bigint as pci_0, ${householdStandardSql(onP)}::bigint as standard, ${eligibleSql(onP)} as eligible,
        ${parameterColumns('p', [0], COLUMNS)}
      from f join p on p.v = f.v
    ), ms as (
      select e.county_code, e.id, m.id as member_id, m.name, m.hukou,
        ${memberStandardSql(onE)}::bigint as std, ${memberGapSql(onE)}::bigint as gap, ${memberTopupCategorySql(onE)} as category,
        ${memberRateSql(onE)}::float8 as rate, ${memberTopupSql(onE)}::bigint as topup, ${memberShareSql(onE)}::bigint as share
      from e join members m on m.county_code = e.county_code and m.household_id = e.id
      where e.eligible
    ), agg as (
      -- The members in order from a sorted input, not jsonb_agg(… order by …): PostgreSQL 15 sorts each group
      -- on its own for that (measured: half the re-rating draft's time).
      select county_code, id, sum(share)::bigint as total, sum(gap)::bigint as gap, count(*) filter (where topup > 0)::int as topups,
        ${opts.members
          ? sql`jsonb_agg(jsonb_build_object('name', name, 'hukou', hukou, 'standard', std, 'gap', gap, 'category', category, 'rate', rate, 'topup', topup, 'share', share))`
          : sql`null::jsonb`} as members
      from ${opts.members ? sql`(select * from ms order by county_code, id, member_id) ms` : sql`ms`} group by county_code, id
    )
    select e.county_code, e.id as household_id, e.v as parameter_area, e.n::int as persons, e.pci_0 as per_capita_income, e.standard, e.eligible,
      agg.total, agg.gap, agg.topups, agg.members
    from e left join agg on agg.county_code = e.county_code and agg.id = e.id`;
}
