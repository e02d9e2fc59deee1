// Reads for the citizen portal (src/portal): who an ID number is in the registry, and the households a
// citizen belongs to. Household reads go through the scoped root with the citizen's scope, so a citizen
// sees only households they are a member of.
import type { Database } from '../../../db/engine.ts';
import type { CitizenScope } from '../../../kernel/scope.ts';
import type { RegistryHousehold } from '../facts.ts';
import { listMembers } from '../repo/households.ts';
import { registryHouseholdById } from '../repo/record.ts';
import { findHousehold } from '../repo/roots.ts';

export interface CitizenContact {
  name: string;
  /** The household's phone; the member's own phone when the household has none; '' when neither. */
  phone: string;
  householdNo: string;
  villageCode: string;
}

/** The registry's record of a person by ID number (their current household), or undefined. */
export async function contactOf(db: Database, idNumber: string): Promise<CitizenContact | undefined> {
  const row = await db.kysely
    .selectFrom('person_index as p')
    .innerJoin('members as m', (j) => j.onRef('m.county_code', '=', 'p.county_code').onRef('m.id', '=', 'p.member_id'))
    .innerJoin('households as h', (j) => j.onRef('h.county_code', '=', 'p.county_code').onRef('h.id', '=', 'p.household_id'))
    .select(['m.name', 'm.phone as member_phone', 'h.phone as household_phone', 'h.household_no', 'h.village_code'])
    .where('p.id_number', '=', idNumber)
    .executeTakeFirst();
  if (!row) return undefined;
  return { name: row.name, phone: row.household_phone || row.member_phone, householdNo: row.household_no, villageCode: row.village_code };
}

export interface CitizenHousehold {
  householdNo: string;
  villageName: string;
  memberNames: string[];
}

/** The citizen's own households (scope.households, through the scoped root) with their members' names. */
export async function citizenHouseholds(db: Database, scope: CitizenScope): Promise<CitizenHousehold[]> {
  const out: CitizenHousehold[] = [];
  for (const no of scope.households) {
    const h = await findHousehold(db.kysely, scope, no);
    if (!h) continue;
    const members = await listMembers(db.kysely, h.key);
    out.push({ householdNo: h.household_no, villageName: h.village_name, memberNames: members.map((m) => m.name) });
  }
  return out;
}

/** One of the citizen's own households as the policy engine reads it (unmasked: the caller masks), or undefined. */
export async function citizenHouseholdRecord(db: Database, scope: CitizenScope, householdNo: string): Promise<{ record: RegistryHousehold; villageName: string } | undefined> {
  if (!scope.households.includes(householdNo)) return undefined;
  const h = await findHousehold(db.kysely, scope, householdNo);
  if (!h) return undefined;
  return { record: await registryHouseholdById(db.kysely, h.county_code, h.id), villageName: h.village_name };
}
