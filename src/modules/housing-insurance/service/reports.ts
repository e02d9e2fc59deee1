// 对账 and 统计. The reconciliation of a county's policy year against the damage register lists claims with
// no verified damage entry, an assessed grade other than the registered one, houses paid more in the
// year than their sum insured (paid twice), and houses whose payment and housing subsidy break the
// stacking rule `insurance.housing.stacking`. Figures: insured households, claims, claims paid and the
// amount, by child area and by event. Only what lies in the caller's subtree counts.
import type { Database } from '../../../db/engine.ts';
import { levelOf } from '../../../kernel/areas.ts';
import { AppError } from '../../../kernel/errors.ts';
import { covers, inArea, inScope, type Scope } from '../../../kernel/scope.ts';
import { housingSubsidies, insuranceEvent } from '../../disaster/index.ts';
import type { FindingKind } from '../codes.ts';
import { FINDING_KINDS } from '../codes.ts';
import { FINDING_LABELS, GRADE_LABELS } from '../labels.ts';
import { allow } from '../permissions.ts';
import { claimsOfPolicy, type ClaimRow } from '../repo/claims.ts';
import { byEvent, childAreas, eventClaims, figures as figureRows, type FigureRow } from '../repo/figures.ts';
import { mustSeePolicy } from './access.ts';
import { stackingChecker } from './payable.ts';

const yuan = (fen: number) => `${(fen / 100).toFixed(2)} 元`;
const STACKING_LABELS = { both: '保险赔款与补助均可全额享受', deduct: '补助扣减保险赔款' } as const;

export async function reconciliation(db: Database, scope: Scope, county: string, year: number) {
  const p = await mustSeePolicy(db, scope, county, year);
  const all = await claimsOfPolicy(db.kysely, county, p.id, inScope(scope, 'c.area_code'));
  const live = all.filter((c) => c.status !== 'refused');
  const findings: { kind: FindingKind; claim: ClaimRow; message: string }[] = [];
  for (const c of live) {
    if (c.entry_status !== 'verified') findings.push({ kind: 'no_verified_damage', claim: c, message: c.entry_status === 'void' ? '受灾户登记已作废' : '受灾户登记尚未核实' });
    if (c.assessed_grade !== null && c.entry_status !== 'void' && c.registered_grade !== null && c.assessed_grade !== c.registered_grade) {
      findings.push({ kind: 'grade_differs', claim: c, message: `定损为「${GRADE_LABELS[c.assessed_grade]}」，登记为「${GRADE_LABELS[c.registered_grade]}」` });
    }
  }
  const paid = live.filter((c) => c.status === 'paid');
  const byHouse = new Map<number, ClaimRow[]>();
  for (const c of paid) byHouse.set(c.household_id, [...(byHouse.get(c.household_id) ?? []), c]);
  for (const cs of byHouse.values()) {
    const total = cs.reduce((n, c) => n + (c.paid_fen ?? 0), 0);
    const limit = Math.max(...cs.map((c) => c.sum_fen ?? 0));
    if (cs.length > 1 && total > limit) {
      const last = cs.at(-1);
      if (last) findings.push({ kind: 'paid_twice', claim: last, message: `年度内赔付 ${cs.length} 次共 ${yuan(total)}，超过保险金额 ${yuan(limit)}（${cs.map((c) => c.claim_no).join('、')}）` });
    }
  }
  const subsidies = await housingSubsidies(db, county, paid.map((c) => ({ eventId: c.event_id, householdId: c.household_id })));
  const stacking = await stackingChecker(db);
  const rule = stacking(county, p.coverage_to, 0, 0)?.rule ?? 'both';
  for (const c of paid) {
    const subsidy = subsidies.get(`${c.event_id}:${c.household_id}`);
    if (subsidy === undefined) continue;
    const v = stacking(c.area_code, c.event_started_on, c.paid_fen ?? 0, subsidy);
    if (!v) continue;
    if (v.excess > 0) findings.push({ kind: 'stacking_exceeded', claim: c, message: `保险赔款 ${yuan(c.paid_fen ?? 0)}，倒损住房补助 ${yuan(subsidy)}，按规定补助最多 ${yuan(v.allowedSubsidy)}，超出 ${yuan(v.excess)}` });
  }
  return {
    countyCode: county, countyName: p.county_name, year, stackingRule: rule, stackingRuleLabel: STACKING_LABELS[rule], claims: all.length,
    counts: FINDING_KINDS.map((k) => ({ kind: k, kindLabel: FINDING_LABELS[k], count: findings.filter((f) => f.kind === k).length })),
    findings: findings.map((f) => ({
      kind: f.kind, kindLabel: FINDING_LABELS[f.kind], claimNo: f.claim.claim_no, householdNo: f.claim.household_no, headName: f.claim.head_name ?? '',
      villageName: f.claim.village_name, eventNo: f.claim.event_no, message: f.message,
    })),
  };
}

const CHILD_LENGTH = { prefecture: 6, county: 9, township: 12 } as const;

export async function insuranceFigures(db: Database, scope: Scope, q: { area: string; year: number }) {
  allow(scope, 'insurance.read');
  const level = levelOf(q.area);
  const found = covers(scope, q.area) ? await db.kysely.selectFrom('areas').select(['code', 'name']).where('code', '=', q.area).executeTakeFirst() : undefined;
  if (!found) throw AppError.notFound('区划', q.area);
  const childLength = level === 'village' ? 12 : CHILD_LENGTH[level];
  const [children, rows, events] = await Promise.all([
    level === 'village' ? Promise.resolve([{ code: found.code, name: found.name }]) : childAreas(db.kysely, q.area),
    figureRows(db.kysely, (col) => inArea(q.area, col), (col) => inScope(scope, col), childLength, q.year),
    byEvent(db.kysely, inArea(q.area, 'c.area_code'), inScope(scope, 'c.area_code'), q.year),
  ]);
  const byCode = new Map(rows.map((r) => [r.code, r]));
  const figure = (r: Omit<FigureRow, 'code'> | undefined) => ({ insured: r?.insured ?? 0, claims: r?.claims ?? 0, paidClaims: r?.paid_claims ?? 0, paidFen: r?.paid_fen ?? 0, refusedClaims: r?.refused_claims ?? 0 });
  const sum = rows.reduce((t, r) => ({ insured: t.insured + r.insured, claims: t.claims + r.claims, paid_claims: t.paid_claims + r.paid_claims, paid_fen: t.paid_fen + r.paid_fen, refused_claims: t.refused_claims + r.refused_claims }),
    { insured: 0, claims: 0, paid_claims: 0, paid_fen: 0, refused_claims: 0 });
  return {
    area: found.code, areaName: found.name, year: q.year,
    items: children.filter((c) => covers(scope, c.code)).map((c) => ({ areaCode: c.code, areaName: c.name, ...figure(byCode.get(c.code)) })),
    total: figure(sum),
    byEvent: events.map((e) => ({ eventNo: e.event_no, eventName: e.event_name, claims: e.claims, paidClaims: e.paid_claims, paidFen: e.paid_fen })),
  };
}

/** 农房保险 of one disaster event (the event page's 救助统计): an event the caller does not see is 404 as missing. */
export async function eventInsuranceFigures(db: Database, scope: Scope, eventNo: string) {
  allow(scope, 'insurance.read');
  const e = await insuranceEvent(db, scope, eventNo);
  if (!e) throw AppError.notFound('灾害事件', eventNo);
  const r = await eventClaims(db.kysely, e.countyCode, e.eventId, inScope(scope, 'c.area_code'));
  return {
    eventNo: e.eventNo, eventName: e.name, claims: r.claims, reportedClaims: r.reported, assessedClaims: r.assessed, paidClaims: r.paid, refusedClaims: r.refused,
    payableFen: Number(r.payable_fen), paidFen: Number(r.paid_fen),
  };
}
