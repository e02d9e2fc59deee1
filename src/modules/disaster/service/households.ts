// The household a damage entry, goods issue or needs survey names: a household of the registry in the
// caller's scope (out of scope answers exactly as missing), and for an event, in one of its areas.
import type { Database } from '../../../db/engine.ts';
import { AppError } from '../../../kernel/errors.ts';
import type { Scope } from '../../../kernel/scope.ts';
import { findHousehold } from '../../registry/index.ts';
import { areasOf, type EventRow } from '../repo/events.ts';
import { reportableArea } from './event-areas.ts';

export interface HouseholdRef {
  countyCode: string;
  id: number;
  householdNo: string;
  villageCode: string;
}

export const householdMissing = (field: string, householdNo: string) => AppError.field(field, `家庭 ${householdNo} 不存在或不在您的管辖范围内`);

/** The household by number in the caller's scope; otherwise a 400 naming `field`, the same for both. */
export async function requireHouseholdField(db: Database, scope: Scope, field: string, householdNo: string): Promise<HouseholdRef> {
  const h = await findHousehold(db.kysely, scope, householdNo);
  if (!h) throw householdMissing(field, householdNo);
  return { countyCode: h.county_code, id: Number(h.id), householdNo: h.household_no, villageCode: h.village_code };
}

/** Throws a 400 naming `field` unless the village is one of the event's areas or in one of its townships. */
export async function requireEventVillage(db: Database, event: EventRow, field: string, villageCode: string): Promise<void> {
  const areas = (await areasOf(db.kysely, [event])).get(Number(event.id)) ?? [];
  if (villageCode.length !== 12 || !reportableArea(villageCode, areas)) {
    throw AppError.field(field, `该户所在村（社区）${villageCode} 不在灾害事件 ${event.event_no} 的受灾区域之中`);
  }
}
