// What happens to a placement, shared by the routes and the cases hooks (inside the caller's
// transaction): the open placement follows a 特困 decision, a death closes it, a case that ends cancels
// a placement that never took a bed. Every change is audited.
import type { Kysely } from 'kysely';
import type { DB } from '../../../db/schema.ts';
import { appendAudit, type AuditActor } from '../../../kernel/audit/append.ts';
import { AppError } from '../../../kernel/errors.ts';
import * as inst from '../repo/institutions.ts';
import * as repo from '../repo/placements.ts';

export interface Person { countyCode: string; caseId: number; householdId: number; memberId: number; areaCode: string }

type Open = NonNullable<Awaited<ReturnType<typeof repo.lockOpen>>>;

const audit = (tx: Kysely<DB>, actor: AuditActor, action: string, p: { id: number; area_code: string }, before: unknown, after: unknown) =>
  appendAudit(tx, actor, { action: `placement.${action}`, entity: 'placement', entityId: String(p.id), areaCode: p.area_code, before, after });

/** 409 naming the institution when its admitted residents fill its beds (the row must be locked). */
export function refuseFull(home: { name: string; beds: number; admitted: number }): void {
  if (home.admitted >= home.beds) throw AppError.conflict('institution_full', `${home.name}床位已满（${home.beds} 张床位，在住 ${home.admitted} 人），不能安置`, { beds: home.beds, admitted: home.admitted });
}

/** A decision granted institutional support in `institutionId`: the person's open placement is there, pending if new. */
export async function followDecision(tx: Kysely<DB>, actor: AuditActor, who: Person, institutionId: number, date: string): Promise<void> {
  const open = await repo.lockOpen(tx, who.countyCode, who.memberId);
  if (open && open.institution_id === institutionId) return;
  // Admitted elsewhere: the institution transfers the person (a decision does not move a resident).
  if (open && open.status === 'admitted') return;
  if (open) {
    await repo.updatePlacement(tx, who.countyCode, open.id, { institution_id: institutionId, requested_on: date, case_id: who.caseId });
    await audit(tx, actor, 'reassign', open, { institutionId: open.institution_id }, { institutionId, date });
    return;
  }
  const id = await repo.insertPlacement(tx, {
    county_code: who.countyCode, institution_id: institutionId, case_id: who.caseId, household_id: who.householdId, member_id: who.memberId, area_code: who.areaCode,
    status: 'pending', requested_on: date,
  });
  await audit(tx, actor, 'request', { id, area_code: who.areaCode }, null, { institutionId, caseId: who.caseId, date });
}

/** The case ended or changed to home-based support: a placement that never took a bed is cancelled. */
export async function cancelPending(tx: Kysely<DB>, actor: AuditActor, who: Person, date: string, reason: string): Promise<void> {
  const open = await repo.lockOpen(tx, who.countyCode, who.memberId);
  if (!open || open.status !== 'pending') return;
  await repo.updatePlacement(tx, who.countyCode, open.id, { status: 'cancelled', discharged_on: date, discharge_reason: reason });
  await audit(tx, actor, 'cancel', open, { status: 'pending' }, { status: 'cancelled', date, reason });
}

/** A death closes the person's open placement (kind death); a pending one is cancelled. Returns the placement closed. */
export async function closeByDeath(tx: Kysely<DB>, actor: AuditActor, countyCode: string, memberId: number, dateOfDeath: string): Promise<Open | undefined> {
  const open = await repo.lockOpen(tx, countyCode, memberId);
  if (!open) return undefined;
  if (open.status === 'pending') {
    await repo.updatePlacement(tx, countyCode, open.id, { status: 'cancelled', discharged_on: dateOfDeath, discharge_reason: '本人死亡' });
    await audit(tx, actor, 'cancel', open, { status: 'pending' }, { status: 'cancelled', date: dateOfDeath, reason: '本人死亡' });
    return open;
  }
  if (open.admitted_on && dateOfDeath < open.admitted_on) throw AppError.field('date', `死亡日期 ${dateOfDeath} 早于入住日期 ${open.admitted_on}`, 'placement_date');
  await repo.updatePlacement(tx, countyCode, open.id, { status: 'discharged', discharged_on: dateOfDeath, discharge_kind: 'death', discharge_reason: '本人死亡' });
  await audit(tx, actor, 'death', open, { status: 'admitted' }, { status: 'discharged', kind: 'death', date: dateOfDeath });
  return open;
}

/** Whether the institution has a free bed for the township's choice (refused when full). */
export async function checkChoice(tx: Kysely<DB>, countyCode: string, institutionId: number): Promise<void> {
  const home = await inst.lockInstitution(tx, countyCode, institutionId);
  if (home) refuseFull(home);
}
