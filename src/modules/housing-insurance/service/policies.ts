// 农房保险保单: record a county's policy of a year (county approver), list the policies the caller sees,
// and one policy with its insured households by village (of the caller's subtree).
import type { z } from 'zod';
import type { Database } from '../../../db/engine.ts';
import { write } from '../../../db/write.ts';
import { appendAudit } from '../../../kernel/audit/append.ts';
import { todayInChina } from '../../../kernel/clock.ts';
import { AppError } from '../../../kernel/errors.ts';
import { inScope, type Scope } from '../../../kernel/scope.ts';
import { STRUCTURES } from '../codes.ts';
import type { newPolicySchema, policyListQuery } from '../contract/policies.ts';
import { PERIL_LABELS, STRUCTURE_LABELS } from '../labels.ts';
import { allow } from '../permissions.ts';
import { insertPolicy, insuredByVillage, insuredCounts, listPolicies, policyOf, type PolicyRow } from '../repo/policies.ts';
import { managedCounty, mayManage, mustSeePolicy, visibleCounties } from './access.ts';

export function policyView(p: PolicyRow, insured: number) {
  return {
    countyCode: p.county_code, countyName: p.county_name, year: p.year, policyNo: p.policy_no, insurer: p.insurer,
    premiumFen: p.premium_fen, governmentPermille: p.government_permille, governmentPremiumFen: Math.round((p.premium_fen * p.government_permille) / 1000),
    perils: p.perils, perilLabels: p.perils.map((k) => PERIL_LABELS[k]),
    sums: STRUCTURES.filter((s) => p.sums[s] !== undefined).map((s) => ({ structure: s, structureLabel: STRUCTURE_LABELS[s], sumFen: p.sums[s] ?? 0 })),
    coverageFrom: p.coverage_from, coverageTo: p.coverage_to, createdBy: p.created_by, createdOn: p.created_on, note: p.note, insured,
  };
}

/** The unique (county, year) or (county, policy_no) index refused a second policy. */
const taken = (e: unknown): string | null => {
  if (typeof e !== 'object' || e === null || (e as { code?: unknown }).code !== '23505') return null;
  const c = String((e as { constraint?: unknown }).constraint ?? '');
  return c.includes('policy_no') ? 'policyNo' : c.includes('year') ? 'year' : null;
};

export async function createPolicy(db: Database, scope: Scope, input: z.output<typeof newPolicySchema>) {
  allow(scope, 'insurance.manage');
  const county = await managedCounty(db, scope, input.countyCode);
  if (input.coverageTo < input.coverageFrom) throw AppError.field('coverageTo', '保险期间的结束日期不能早于开始日期');
  if (input.coverageFrom.slice(0, 4) !== String(input.year) && input.coverageTo.slice(0, 4) !== String(input.year)) {
    throw AppError.field('coverageFrom', `保险期间应在 ${input.year} 年度内开始或结束`);
  }
  const existing = await policyOf(db.kysely, county, input.year);
  if (existing) throw exists409(county, input.year, 'year');
  try {
    await write(db, scope, async (tx) => {
      await insertPolicy(tx, {
        county, year: input.year, policyNo: input.policyNo, insurer: input.insurer, premiumFen: input.premiumFen, governmentPermille: input.governmentPermille,
        perils: input.perils, sums: input.sums, coverageFrom: input.coverageFrom, coverageTo: input.coverageTo, createdBy: scope.userName, createdOn: todayInChina(), note: input.note,
      });
      await appendAudit(tx, scope, { action: 'insurance.policy.create', entity: 'housing_insurance_policy', entityId: `${county}-${input.year}`, areaCode: county, after: { ...input, countyCode: county } });
    });
  } catch (e) {
    const field = taken(e);
    if (field) throw exists409(county, input.year, field);
    throw e;
  }
  const p = await policyOf(db.kysely, county, input.year);
  if (!p) throw new Error('policy written but not found');
  return policyView(p, 0);
}

function exists409(county: string, year: number, field: string): AppError {
  const message = field === 'policyNo' ? '该保单号已被本县另一年度的保单使用' : `${county} ${year} 年度的农房保险保单已存在`;
  return AppError.conflict('insurance_policy_exists', message, { fields: [{ field, message }], countyCode: county, year });
}

export async function listPolicyViews(db: Database, scope: Scope, q: z.output<typeof policyListQuery>) {
  allow(scope, 'insurance.read');
  const rows = await listPolicies(db.kysely, visibleCounties(scope, 'p.county_code'), q);
  const counts = await insuredCounts(db.kysely, rows, inScope(scope, 'i.area_code'));
  return { items: rows.map((p) => policyView(p, counts.get(p.id) ?? 0)) };
}

export async function policyDetail(db: Database, scope: Scope, county: string, year: number) {
  const p = await mustSeePolicy(db, scope, county, year);
  const villages = await insuredByVillage(db.kysely, p, inScope(scope, 'i.area_code'));
  return {
    ...policyView(p, villages.reduce((n, v) => n + v.n, 0)),
    byVillage: villages.map((v) => ({ villageCode: v.area_code, villageName: v.village_name, townshipName: v.township_name ?? '', insured: v.n })),
    mayManage: mayManage(scope, county),
  };
}
