// Damage entries as the API shows them: the head's name masked, codes kept (the web labels them).
import { maskName } from '../../../kernel/mask.ts';
import type { HouseholdType } from '../codes.ts';
import { HOUSEHOLD_TYPES } from '../codes.ts';
import type { EntryRow } from '../repo/damage.ts';

const householdType = (t: string): HouseholdType => (HOUSEHOLD_TYPES as readonly string[]).includes(t) ? t as HouseholdType : 'ordinary';

export function damageViewOf(r: EntryRow, names: ReadonlyMap<string, string>) {
  return {
    householdNo: r.household_no, headName: maskName(r.head_name), areaCode: r.area_code, areaName: names.get(r.area_code) ?? r.area_code,
    personsAffected: Number(r.persons_affected), personsHomeless: Number(r.persons_homeless), deaths: Number(r.deaths), missing: Number(r.missing), injured: Number(r.injured),
    houseGrade: r.house_grade, houseStructure: r.house_structure, roomsDamaged: Number(r.rooms_damaged), directLossFen: Number(r.direct_loss_fen),
    householdType: householdType(r.household_type), addedOnSpot: r.added_on_spot, status: r.status, recordedOn: r.recorded_on, recordedBy: r.recorded_by,
    firstVerifiedBy: r.first_verified_by, firstVerifiedOn: r.first_verified_on, secondVerifiedBy: r.second_verified_by, secondVerifiedOn: r.second_verified_on,
    voidReason: r.void_reason, note: r.note, version: Number(r.version),
  };
}

/** The figures an audit entry records (no names). */
export function damageFiguresOf(r: EntryRow) {
  const { head_name: _h, household_no: _n, created_at: _c, updated_at: _u, ...rest } = r;
  return rest;
}
