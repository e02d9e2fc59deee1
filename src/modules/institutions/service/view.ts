// An institution as the API shows it: labels instead of codes, staff and beds summed.
import { KIND_LABELS } from '../labels.ts';
import type { InstitutionRow } from '../repo/institutions.ts';

export function itemOf(i: InstitutionRow & { latest_stars?: number | null }, names: ReadonlyMap<string, string>) {
  return {
    id: Number(i.id), countyCode: i.county_code, countyName: names.get(i.county_code) ?? i.county_code, name: i.name, kind: i.kind, kindLabel: KIND_LABELS[i.kind],
    beds: i.beds, careBeds: i.care_beds, status: i.status, legalPersonStatus: i.legal_person_status,
    areaName: i.area_code === null ? null : (names.get(i.area_code) ?? i.area_code), latestStars: i.latest_stars ?? null, demo: i.demo,
  };
}

export function profileOf(i: InstitutionRow, names: ReadonlyMap<string, string>) {
  const levelled = i.beds_self_care + i.beds_partial + i.beds_full;
  return {
    ...itemOf(i, names),
    address: i.address, areaCode: i.area_code, creditCode: i.credit_code, legalPersonRegisteredOn: i.legal_person_registered_on, posts: i.posts,
    staff: { management: i.staff_management, care: i.staff_care, medical: i.staff_medical, total: i.staff_management + i.staff_care + i.staff_medical },
    bedSummary: { total: i.beds, care: i.care_beds, selfCare: i.beds_self_care, partial: i.beds_partial, full: i.beds_full, unassigned: i.beds - levelled },
    openedOn: i.opened_on, closedOn: i.closed_on, version: i.version,
  };
}

/** The audited state of an institution (what `before`/`after` record). */
export function auditOf(i: InstitutionRow) {
  return {
    name: i.name, kind: i.kind, address: i.address, areaCode: i.area_code, creditCode: i.credit_code, legalPersonStatus: i.legal_person_status,
    legalPersonRegisteredOn: i.legal_person_registered_on, posts: i.posts, staffManagement: i.staff_management, staffCare: i.staff_care, staffMedical: i.staff_medical,
    beds: i.beds, careBeds: i.care_beds, bedsSelfCare: i.beds_self_care, bedsPartial: i.beds_partial, bedsFull: i.beds_full,
    openedOn: i.opened_on, status: i.status, closedOn: i.closed_on, version: i.version,
  };
}
