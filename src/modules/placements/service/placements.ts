// 集中供养 placements at the institution: the residents of an institution, one placement, and what the
// institution records — admission (a bed; refused when full), transfer to another institution of the
// county (capacity checked there), discharge, death (which starts the case's death review through the
// cases engine, whose hook closes the placement in the same transaction). A placement is scoped by the
// person's area (the case's village); out of scope answers exactly as missing.
import type { z } from 'zod';
import type { Database } from '../../../db/engine.ts';
import { write } from '../../../db/write.ts';
import { appendAudit } from '../../../kernel/audit/append.ts';
import { AppError } from '../../../kernel/errors.ts';
import { maskIdNumber } from '../../../kernel/mask.ts';
import type { Scope } from '../../../kernel/scope.ts';
import type { ParameterSet } from '../../../policy/index.ts';
import { canTake, caseParameters, performTransition } from '../../cases/index.ts';
import type { admitBody, deathBody, dischargeBody, listQuery, transferBody } from '../contract/shapes.ts';
import { allow } from '../permissions.ts';
import * as inst from '../repo/institutions.ts';
import * as repo from '../repo/placements.ts';
import type { PlacementStatus, SelfCareLevel } from '../tables.ts';
import { closeByDeath, refuseFull } from './lifecycle.ts';

export const STATUS_LABELS: Record<PlacementStatus, string> = { pending: '待入住', admitted: '在住', discharged: '已离院', cancelled: '已取消' };

export function view(p: repo.PlacementRow) {
  return {
    id: p.id, countyCode: p.county_code, institutionId: Number(p.institution_id), institutionName: p.institution_name, caseNo: p.case_no, name: p.name,
    idNumber: maskIdNumber(p.id_number), areaCode: p.area_code, status: p.status, statusLabel: STATUS_LABELS[p.status], requestedOn: p.requested_on,
    admittedOn: p.admitted_on, bedLabel: p.bed_label, selfCareLevel: p.self_care_level, careFeeFen: p.care_fee_fen, dischargedOn: p.discharged_on,
    dischargeKind: p.discharge_kind, dischargeReason: p.discharge_reason, transferredTo: p.transferred_to === null ? null : Number(p.transferred_to),
    transferredFrom: p.transferred_from === null ? null : Number(p.transferred_from),
  };
}

async function mustFindInstitution(db: Database, scope: Scope, id: number) {
  const home = await inst.visibleInstitution(db.kysely, scope, id);
  if (!home) throw AppError.notFound('供养机构', String(id));
  return home;
}

async function mustFind(db: Database, scope: Scope, id: number) {
  const p = await repo.findPlacement(db.kysely, scope, id);
  if (!p) throw AppError.notFound('集中供养安置', String(id));
  return p;
}

export async function listPlacements(db: Database, scope: Scope, q: z.output<typeof listQuery>) {
  allow(scope, 'placements.read');
  const home = await mustFindInstitution(db, scope, q.institution);
  const items = await repo.placementsOf(db.kysely, scope, home.county_code, home.id, q.status);
  const admitted = await inst.admittedIn(db.kysely, home.county_code, home.id);
  return { institution: { id: Number(home.id), countyCode: home.county_code, name: home.name, beds: home.beds, admitted }, items: items.map(view) };
}

export async function getPlacement(db: Database, scope: Scope, id: number) {
  allow(scope, 'placements.read');
  return view(await mustFind(db, scope, id));
}

/** The self-care level of the case's assessment (six items; at most N unable is partial loss). */
function levelOf(context: Record<string, unknown>, params: ParameterSet, area: string, date: string): SelfCareLevel | null {
  const items = context.selfCare as Record<string, boolean> | undefined;
  if (!items) return null;
  const unable = Object.values(items).filter((v) => v === false).length;
  const partialMax = Number(params.get('hardship.self_care.partial_max_unable', area, date).value);
  return unable === 0 ? 'self_care' : unable <= partialMax ? 'partial' : 'full';
}

/** Locks the placement and checks its version and status; the row as locked. */
async function lockFor(tx: Parameters<Parameters<typeof write>[2]>[0], p: repo.PlacementRow, status: PlacementStatus) {
  const row = await repo.lockPlacement(tx, p.county_code, p.id);
  if (row.version !== p.version) throw AppError.conflict('placement_changed', '集中供养安置已被他人更新，请刷新后重试');
  if (row.status !== status) throw AppError.conflict('placement_status', `该安置当前为「${STATUS_LABELS[row.status]}」，不能办理`);
  return row;
}

export async function admit(db: Database, scope: Scope, id: number, input: z.output<typeof admitBody>) {
  allow(scope, 'placements.manage');
  const p = await mustFind(db, scope, id);
  if (input.date < p.requested_on) throw AppError.field('date', `入住日期早于安置决定日期 ${p.requested_on}`, 'placement_date');
  const params = await caseParameters(db);
  const level = levelOf(p.case_context, params, p.area_code, input.date);
  const careFee = level === null ? null : Number(params.get(`hardship.support.care.${level}`, p.area_code, input.date).value);
  await write(db, scope, async (tx) => {
    const home = await inst.lockInstitution(tx, p.county_code, p.institution_id);
    if (!home) throw AppError.notFound('供养机构', String(p.institution_id));
    await lockFor(tx, p, 'pending');
    refuseFull(home);
    await repo.updatePlacement(tx, p.county_code, p.id, { status: 'admitted', admitted_on: input.date, bed_label: input.bedLabel ?? null, self_care_level: level, care_fee_fen: careFee });
    await appendAudit(tx, scope, { action: 'placement.admit', entity: 'placement', entityId: String(p.id), areaCode: p.area_code, before: { status: 'pending' }, after: { status: 'admitted', date: input.date, bedLabel: input.bedLabel ?? null, selfCareLevel: level, careFeeFen: careFee } });
  });
  return getPlacement(db, scope, id);
}

export async function transfer(db: Database, scope: Scope, id: number, input: z.output<typeof transferBody>) {
  allow(scope, 'placements.manage');
  const p = await mustFind(db, scope, id);
  if (p.admitted_on && input.date < p.admitted_on) throw AppError.field('date', `转院日期早于入住日期 ${p.admitted_on}`, 'placement_date');
  if (input.institutionId === Number(p.institution_id)) throw AppError.field('institutionId', '转入机构与现机构相同');
  const newId = await write(db, scope, async (tx) => {
    // Both rows locked in id order, so two transfers between the same homes cannot deadlock.
    const [first, second] = [Number(p.institution_id), input.institutionId].sort((a, b) => a - b);
    const locked = [await inst.lockInstitution(tx, p.county_code, first!), await inst.lockInstitution(tx, p.county_code, second!)];
    const target = locked.find((h) => h && Number(h.id) === input.institutionId);
    if (!target) throw AppError.field('institutionId', '供养机构不存在或不属于本县');
    const row = await lockFor(tx, p, 'admitted');
    refuseFull(target);
    // The unique open placement per person: the old one closes before the new one opens.
    await repo.updatePlacement(tx, p.county_code, p.id, { status: 'discharged', discharged_on: input.date, discharge_kind: 'transfer', discharge_reason: input.reason });
    const next = await repo.insertPlacement(tx, {
      county_code: p.county_code, institution_id: input.institutionId, case_id: p.case_id, household_id: p.household_id, member_id: p.member_id, area_code: p.area_code,
      status: 'admitted', requested_on: input.date, admitted_on: input.date, bed_label: input.bedLabel ?? null, self_care_level: row.self_care_level,
      care_fee_fen: row.care_fee_fen === null ? null : Number(row.care_fee_fen), transferred_from: p.id,
    });
    await repo.updatePlacement(tx, p.county_code, p.id, { transferred_to: next });
    await appendAudit(tx, scope, { action: 'placement.transfer', entity: 'placement', entityId: String(p.id), areaCode: p.area_code, before: { status: 'admitted', institutionId: Number(p.institution_id) }, after: { status: 'discharged', kind: 'transfer', date: input.date, institutionId: input.institutionId, placementId: next, reason: input.reason } });
    return next;
  });
  return getPlacement(db, scope, newId);
}

export async function discharge(db: Database, scope: Scope, id: number, input: z.output<typeof dischargeBody>) {
  allow(scope, 'placements.manage');
  const p = await mustFind(db, scope, id);
  if (p.admitted_on && input.date < p.admitted_on) throw AppError.field('date', `离院日期早于入住日期 ${p.admitted_on}`, 'placement_date');
  await write(db, scope, async (tx) => {
    await lockFor(tx, p, 'admitted');
    await repo.updatePlacement(tx, p.county_code, p.id, { status: 'discharged', discharged_on: input.date, discharge_kind: 'discharge', discharge_reason: input.reason });
    await appendAudit(tx, scope, { action: 'placement.discharge', entity: 'placement', entityId: String(p.id), areaCode: p.area_code, before: { status: 'admitted' }, after: { status: 'discharged', kind: 'discharge', date: input.date, reason: input.reason } });
  });
  return getPlacement(db, scope, id);
}

/**
 * A resident's death: recorded on the case (`record_death`, which starts its death review; the hook
 * closes the placement in that transaction). Where the case cannot take that step (already under
 * review, ended), the placement is closed here alone.
 */
export async function recordDeath(db: Database, scope: Scope, id: number, input: z.output<typeof deathBody>) {
  allow(scope, 'placements.manage');
  const p = await mustFind(db, scope, id);
  if (p.status !== 'admitted' && p.status !== 'pending') throw AppError.conflict('placement_status', `该安置当前为「${STATUS_LABELS[p.status]}」，不能办理`);
  if (p.admitted_on && input.date < p.admitted_on) throw AppError.field('date', `死亡日期早于入住日期 ${p.admitted_on}`, 'placement_date');
  const c = await db.kysely.selectFrom('cases').select(['case_no', 'programme', 'rule_set', 'state']).where('county_code', '=', p.county_code).where('id', '=', p.case_id).executeTakeFirstOrThrow();
  const review = canTake(c, 'record_death');
  if (review) {
    await performTransition(db, scope, c.case_no, {
      action: 'record_death', data: { memberIdNumber: p.id_number, dateOfDeath: input.date }, attachments: [], ...(input.recordedOn ? { date: input.recordedOn } : {}),
    });
  } else {
    await write(db, scope, (tx) => closeByDeath(tx, scope, p.county_code, p.member_id, input.date));
  }
  return { ...(await getPlacement(db, scope, id)), caseReviewStarted: review };
}
