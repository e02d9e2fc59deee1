// Reading the damage register: a page of an event's entries in the caller's subtree with totals by grade
// and status, one household's entry, and `damageEntryOf` for other modules (the housing insurance).
import type { z } from 'zod';
import type { Database } from '../../../db/engine.ts';
import { AppError } from '../../../kernel/errors.ts';
import { requireAreaField, type Scope } from '../../../kernel/scope.ts';
import { namesOf } from '../../areas/index.ts';
import { DAMAGE_STATUSES, HOUSE_GRADES } from '../codes.ts';
import type { damageListQuery } from '../contract/damage.ts';
import { allow } from '../permissions.ts';
import { entryTotals, findEntry, listEntries, type TotalRow } from '../repo/damage.ts';
import { findVisibleEvent } from '../repo/events.ts';
import { damageViewOf } from './damage-view.ts';
import { may, requireEvent } from './events.ts';

export async function damageDetail(db: Database, scope: Scope, eventNo: string, householdNo: string) {
  allow(scope, 'disaster.read');
  const e = await requireEvent(db, scope, eventNo);
  const d = await findEntry(db.kysely, scope, e, householdNo);
  if (!d) throw AppError.notFound('受灾户登记', `${eventNo}/${householdNo}`);
  return damageViewOf(d, await namesOf(db.kysely, [d.area_code]));
}

function totalsOf(rows: readonly TotalRow[]) {
  const tally = () => ({ households: 0, persons: 0 });
  const byGrade = Object.fromEntries(HOUSE_GRADES.map((g) => [g, tally()])) as Record<(typeof HOUSE_GRADES)[number], ReturnType<typeof tally>>;
  const byStatus = Object.fromEntries(DAMAGE_STATUSES.map((s) => [s, tally()])) as Record<(typeof DAMAGE_STATUSES)[number], ReturnType<typeof tally>>;
  let directLossFen = 0;
  for (const r of rows) {
    byStatus[r.status].households += Number(r.households);
    byStatus[r.status].persons += Number(r.persons);
    if (r.status === 'void') continue;
    byGrade[r.house_grade].households += Number(r.households);
    byGrade[r.house_grade].persons += Number(r.persons);
    directLossFen += Number(r.loss);
  }
  return { byGrade, byStatus, directLossFen };
}

export async function listDamage(db: Database, scope: Scope, eventNo: string, q: z.output<typeof damageListQuery>) {
  allow(scope, 'disaster.read');
  const e = await requireEvent(db, scope, eventNo);
  if (q.area !== undefined) {
    const found = await db.kysely.selectFrom('areas').select(['code']).where('code', '=', q.area).executeTakeFirst();
    requireAreaField(scope, 'area', q.area, found !== undefined);
  }
  const filter = { ...(q.area !== undefined ? { area: q.area } : {}), ...(q.status !== undefined ? { status: q.status } : {}), ...(q.grade !== undefined ? { grade: q.grade } : {}) };
  const [rows, totals] = await Promise.all([
    listEntries(db.kysely, scope, e, { ...filter, limit: q.limit, ...(q.after !== undefined ? { after: q.after } : {}) }),
    entryTotals(db.kysely, scope, e, filter),
  ]);
  const names = await namesOf(db.kysely, [...new Set(rows.map((r) => r.area_code))]);
  const last = rows.at(-1);
  return {
    items: rows.map((r) => ({ ...damageViewOf(r, names), id: Number(r.id) })),
    next: rows.length === q.limit && last ? Number(last.id) : null,
    totals: totalsOf(totals),
    mayRecord: may(scope, 'disaster.record'),
  };
}

/** A household's damage entry on an event as another module reads it (its live one, else its latest void one). */
export interface DamageEntryRef {
  countyCode: string;
  id: number;
  eventId: number;
  eventNo: string;
  householdId: number;
  householdNo: string;
  areaCode: string;
  houseGrade: (typeof HOUSE_GRADES)[number];
  houseStructure: string;
  roomsDamaged: number;
  directLossFen: number;
  householdType: string;
  personsAffected: number;
  personsHomeless: number;
  status: (typeof DAMAGE_STATUSES)[number];
  recordedOn: string;
}

/** Undefined when the event or the entry is missing or outside the caller's scope. */
export async function damageEntryOf(db: Database, scope: Scope, eventNo: string, householdNo: string): Promise<DamageEntryRef | undefined> {
  const e = await findVisibleEvent(db.kysely, scope, eventNo);
  if (!e) return undefined;
  const d = await findEntry(db.kysely, scope, e, householdNo);
  if (!d) return undefined;
  return {
    countyCode: d.county_code, id: Number(d.id), eventId: Number(d.event_id), eventNo, householdId: Number(d.household_id), householdNo: d.household_no,
    areaCode: d.area_code, houseGrade: d.house_grade, houseStructure: d.house_structure, roomsDamaged: Number(d.rooms_damaged), directLossFen: Number(d.direct_loss_fen),
    householdType: d.household_type, personsAffected: Number(d.persons_affected), personsHomeless: Number(d.persons_homeless), status: d.status, recordedOn: d.recorded_on,
  };
}
