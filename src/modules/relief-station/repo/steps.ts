// The SQL of a record's child rows: services given, 寻亲 steps, the journey home.
import type { Kysely } from 'kysely';
import type { DB } from '../../../db/schema.ts';
import type { Handover, SearchMethod, Service, Transport } from '../codes.ts';

type Key = { county_code: string; id: number };

export async function servicesOf(db: Kysely<DB>, r: Key) {
  return db.selectFrom('relief_station_services').select(['service', 'provided_on', 'note']).where('county_code', '=', r.county_code).where('record_id', '=', r.id)
    .orderBy('provided_on').orderBy('id').execute();
}

export async function searchesOf(db: Kysely<DB>, r: Key) {
  return db.selectFrom('relief_station_family_searches').select(['method', 'searched_on', 'result', 'found']).where('county_code', '=', r.county_code).where('record_id', '=', r.id)
    .orderBy('searched_on').orderBy('id').execute();
}

export async function journeyOf(db: Kysely<DB>, r: Key) {
  return db.selectFrom('relief_station_returns').selectAll().where('county_code', '=', r.county_code).where('record_id', '=', r.id).executeTakeFirst();
}

export async function insertServices(tx: Kysely<DB>, r: Key, rows: { service: Service; providedOn: string; note: string }[], by: string): Promise<void> {
  if (rows.length === 0) return;
  await tx.insertInto('relief_station_services').values(rows.map((s) => ({ county_code: r.county_code, record_id: r.id, service: s.service, provided_on: s.providedOn, note: s.note, recorded_by: by }))).execute();
}

export async function insertSearch(tx: Kysely<DB>, r: Key, s: { method: SearchMethod; searchedOn: string; result: string; found: boolean }, by: string): Promise<void> {
  await tx.insertInto('relief_station_family_searches').values({ county_code: r.county_code, record_id: r.id, method: s.method, searched_on: s.searchedOn, result: s.result, found: s.found, recorded_by: by }).execute();
}

export async function insertJourney(tx: Kysely<DB>, r: Key, j: { destination: string; transport: Transport; ticketFen: number; escort: boolean; escortNames: string[]; handedOverTo: Handover; receiver: string; returnedOn: string }, by: string): Promise<void> {
  await tx.insertInto('relief_station_returns').values({
    county_code: r.county_code, record_id: r.id, destination: j.destination, transport: j.transport, ticket_fen: j.ticketFen, escort: j.escort, escort_names: j.escortNames,
    handed_over_to: j.handedOverTo, receiver: j.receiver, returned_on: j.returnedOn, recorded_by: by,
  }).execute();
}
