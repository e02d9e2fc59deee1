// The formulas of src/policy/formulas as SQL expressions over one household's facts (alias f, from
// twin-facts.ts) and its area's parameters of scenario k (alias given), integer arithmetic as the
// formulas round (divideRounded = floor((2n + d) / 2d) on non-negative numbers):
//   per-capita income  = round½(max(0, Σ counted kinds) / (12 × members))        per-capita-income.ts, income.ts
//   standard           = round½(Σ member standards / members)                    dibao-standard.ts
//   property           = deposits ≤ months × Σ member standards, no counted vehicle unless allowed,
//                        no business unless allowed, houses ≤ max                  property-limits.ts
//   eligible           = income < standard and property                          dibao-eligibility.ts
//   near-dibao         = not eligible, income < round(standard × factor), property near-dibao.ts
// (The registry holds no deduction kind, so the deductions of income.ts are always 0 here.)
import { sql, type RawBuilder } from 'kysely';

export type TwinScenario = { alias: string; k: number; varying: readonly string[] };

function ref(s: TwinScenario, column: string): RawBuilder<unknown> {
  return sql.raw(`${s.alias}.${column}_${s.k}`.replace(/[^a-z0-9_.]/g, ''));
}

/** Σ of the counted members' monthly standards, in fen. */
export function standardSumSql(s: TwinScenario): RawBuilder<number> {
  return sql<number>`(f.n_urban * ${ref(s, 'urban')} + (f.n - f.n_urban) * ${ref(s, 'rural')})`;
}

/** Countable income of the household, 12 × monthly fen, before the floor at 0. */
function countedSql(s: TwinScenario): RawBuilder<number> {
  const varying = s.varying.map((kind) => sql`case when ${ref(s, `c_${kind}`)} then ${sql.raw(`f.k_${kind.replace(/[^a-z_]/g, '')}`)} else 0 end`);
  return sql<number>`(${sql.join([sql`f.k_always`, ...varying], sql` + `)})`;
}

export function perCapitaIncomeSql(s: TwinScenario): RawBuilder<number> {
  return sql<number>`((2 * greatest(0, ${countedSql(s)}) + 12 * f.n) / (24 * f.n))`;
}

export function householdStandardSql(s: TwinScenario): RawBuilder<number> {
  return sql<number>`((2 * ${standardSumSql(s)} + f.n) / (2 * f.n))`;
}

export function propertyWithinLimitsSql(s: TwinScenario): RawBuilder<boolean> {
  return sql<boolean>`(f.deposits <= ${ref(s, 'deposit_months')} * ${standardSumSql(s)}
    and (f.vehicles = 0 or ${ref(s, 'vehicle_allowed')})
    and (f.businesses = 0 or ${ref(s, 'business_allowed')})
    and f.houses <= ${ref(s, 'max_houses')})`;
}

export function eligibleSql(s: TwinScenario): RawBuilder<boolean> {
  return sql<boolean>`(${perCapitaIncomeSql(s)} < ${householdStandardSql(s)} and ${propertyWithinLimitsSql(s)})`;
}

/** The near-dibao income limit: multiplyRounded(standard, factor) (half up; both positive). */
export function nearIncomeLimitSql(s: TwinScenario): RawBuilder<number> {
  return sql<number>`round(${householdStandardSql(s)} * ${ref(s, 'near_factor')})`;
}

export function nearDibaoSql(s: TwinScenario): RawBuilder<boolean> {
  return sql<boolean>`(not ${eligibleSql(s)} and ${perCapitaIncomeSql(s)} < ${nearIncomeLimitSql(s)} and ${propertyWithinLimitsSql(s)})`;
}

/** The top-up categories in the order memberCategories sorts them (the first of the highest rate wins). */
const TOPUP_ORDER = ['elderly', 'family_planning', 'serious_illness_disability', 'single_parent', 'student', 'three_nos'] as const;

/** Whether member m (household categories on e.categories) falls in top-up category c, as memberCategories decides. */
function appliesSql(s: TwinScenario, c: (typeof TOPUP_ORDER)[number]): RawBuilder<boolean> {
  switch (c) {
    case 'three_nos': return sql<boolean>`('three_nos' = any(m.categories))`;
    case 'elderly': return sql<boolean>`('elderly' = any(m.categories) or m.birth_date <= ${ref(s, 'elderly_born_by')})`;
    case 'serious_illness_disability': return sql<boolean>`('serious_illness_disability' = any(m.categories) or m.serious_illness or (m.disability_kind is not null and m.disability_grade <= ${ref(s, 'severe_max')}))`;
    case 'student': return sql<boolean>`('student' = any(m.categories) or m.student)`;
    default: return sql<boolean>`(${c} = any(e.categories) or ${c} = any(m.categories))`;
  }
}

/** The highest top-up rate of member m (alias m; household categories on e.categories), hukou prefix u/r. */
function rateSql(s: TwinScenario, prefix: 'u' | 'r'): RawBuilder<number> {
  const cases = TOPUP_ORDER.map((c) => sql`case when ${appliesSql(s, c)} then ${ref(s, `${prefix}_${c}`)} else 0 end`);
  return sql<number>`greatest(0, ${sql.join(cases)})`;
}

/** The member's top-up rate by their own hukou. */
export function memberRateSql(s: TwinScenario): RawBuilder<number> {
  return sql<number>`(case when m.hukou = 'urban' then ${rateSql(s, 'u')} else ${rateSql(s, 'r')} end)`;
}

/** The category of that rate (memberTopup's `category`): null at rate 0, else the first category in order with it. */
export function memberTopupCategorySql(s: TwinScenario): RawBuilder<string | null> {
  const rate = memberRateSql(s);
  const cases = TOPUP_ORDER.map((c) => sql`when ${appliesSql(s, c)} and (case when m.hukou = 'urban' then ${ref(s, `u_${c}`)} else ${ref(s, `r_${c}`)} end) = ${rate} then ${sql.lit(c)}`);
  return sql<string | null>`(case when ${rate} = 0 then null ${sql.join(cases, sql` `)} end)`;
}

/**
 * The monthly share of member m of an eligible household e (e carries the parameters and `pci_<k>`),
 * as dibao-benefit.ts: round-to-unit(gap + round(standard × highest category rate)), the gap being the
 * full standard for a three-nos person under the full-standard rule, else max(0, standard − income).
 */
export function memberShareSql(s: TwinScenario): RawBuilder<number> {
  const unit = ref(s, 'unit');
  return sql<number>`((2 * (${memberGapSql(s)} + ${memberTopupSql(s)}) + ${unit}) / (2 * ${unit}) * ${unit})`;
}

/** Member m's monthly standard by their own hukou. */
export function memberStandardSql(s: TwinScenario): RawBuilder<number> {
  return sql<number>`(case when m.hukou = 'urban' then ${ref(s, 'urban')} else ${ref(s, 'rural')} end)`;
}

/** Member m's gap: the full standard for a three-nos person under the full-standard rule, else max(0, standard − income). */
export function memberGapSql(s: TwinScenario): RawBuilder<number> {
  const std = memberStandardSql(s);
  return sql<number>`(case when ${ref(s, 'full3')} and 'three_nos' = any(m.categories) then ${std} else greatest(0, ${std} - ${ref(s, 'pci')}) end)`;
}

/** Member m's top-up: round(standard × highest category rate), half up. */
export function memberTopupSql(s: TwinScenario): RawBuilder<number> {
  return sql<number>`round(${memberStandardSql(s)} * ${memberRateSql(s)})::bigint`;
}
