// 受灾户登记: a township caseworker (its own villages) or the county approver (any) registers an affected
// household of an event — one of the registry, or one registered on the spot through the registry — with
// its persons, house damage and loss. One live entry per household and event; the household's type is
// what it receives at registration (低保, 分散供养特困, else ordinary).
import type { z } from 'zod';
import type { Database } from '../../../db/engine.ts';
import { write } from '../../../db/write.ts';
import { appendAudit } from '../../../kernel/audit/append.ts';
import { AppError } from '../../../kernel/errors.ts';
import type { Scope } from '../../../kernel/scope.ts';
import { parseOrThrow } from '../../../kernel/validate.ts';
import { householdProgrammes } from '../../cases/index.ts';
import { createHousehold, newHouseholdSchema } from '../../registry/index.ts';
import type { HouseholdType } from '../codes.ts';
import type { newDamageSchema } from '../contract/damage.ts';
import { allow } from '../permissions.ts';
import { liveEntryExists, lockHousehold } from '../repo/damage.ts';
import type { EventRow } from '../repo/events.ts';
import { requireEvent } from './events.ts';
import { requireEventVillage, requireHouseholdField, type HouseholdRef } from './households.ts';
import { damageDetail } from './damage-read.ts';

type NewDamage = z.output<typeof newDamageSchema>;

async function householdTypeOf(db: Database, h: HouseholdRef): Promise<HouseholdType> {
  const p = await householdProgrammes(db.kysely, h.countyCode, h.id);
  return p.dibao ? 'dibao' : p.hardshipDispersed ? 'hardship_dispersed' : 'ordinary';
}

/** The household named, or the one registered on the spot (after every other check has passed). */
async function resolveHousehold(db: Database, scope: Scope, e: EventRow, input: NewDamage): Promise<{ household: HouseholdRef; addedOnSpot: boolean }> {
  if (input.householdNo !== undefined) {
    const household = await requireHouseholdField(db, scope, 'householdNo', input.householdNo);
    await requireEventVillage(db, e, 'householdNo', household.villageCode);
    return { household, addedOnSpot: false };
  }
  const fresh = parseOrThrow(newHouseholdSchema, input.newHousehold, 'newHousehold');
  await requireEventVillage(db, e, 'newHousehold.household.villageCode', fresh.household.villageCode);
  const householdNo = await createHousehold(db, scope, fresh);
  return { household: await requireHouseholdField(db, scope, 'newHousehold', householdNo), addedOnSpot: true };
}

export async function registerDamage(db: Database, scope: Scope, eventNo: string, input: NewDamage) {
  allow(scope, 'disaster.record');
  const e = await requireEvent(db, scope, eventNo);
  if (input.recordedOn < e.started_on) throw AppError.field('recordedOn', `登记日期不能早于灾害开始日期 ${e.started_on}`);
  const { household: h, addedOnSpot } = await resolveHousehold(db, scope, e, input);
  const householdType = await householdTypeOf(db, h);
  const values = {
    persons_affected: input.personsAffected, persons_homeless: input.personsHomeless, deaths: input.deaths, missing: input.missing, injured: input.injured,
    house_grade: input.houseGrade, house_structure: input.houseStructure, rooms_damaged: input.roomsDamaged, direct_loss_fen: input.directLossFen, note: input.note,
  };
  await write(db, scope, async (tx) => {
    await lockHousehold(tx, e, h.id);
    if (await liveEntryExists(tx, e, h.id)) throw registered(h.householdNo, eventNo);
    await tx.insertInto('disaster_damage_entries').values({
      county_code: e.county_code, event_id: e.id, household_id: h.id, area_code: h.villageCode, ...values,
      household_type: householdType, added_on_spot: addedOnSpot, recorded_on: input.recordedOn, recorded_by: scope.userName,
    }).execute();
    await appendAudit(tx, scope, { action: 'disaster.damage.record', entity: 'disaster_damage', entityId: `${eventNo}/${h.householdNo}`, areaCode: h.villageCode,
      after: { ...values, householdType, addedOnSpot, recordedOn: input.recordedOn } });
  });
  return damageDetail(db, scope, eventNo, h.householdNo);
}

const registered = (householdNo: string, eventNo: string) =>
  AppError.conflict('disaster_damage_registered', `家庭 ${householdNo} 已在灾害事件 ${eventNo} 中登记，请更正原登记或先作废`, { fields: [{ field: 'householdNo', message: '该户已在本次灾害中登记' }] });
