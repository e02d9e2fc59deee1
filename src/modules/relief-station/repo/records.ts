// The SQL of relief-station records: one record with its station's and county's names, pages of records
// of the counties a caller sees, writing a record and moving it (at its version) from one status to another.
import { sql, type Expression, type Kysely, type Selectable, type SqlBool, type Updateable } from 'kysely';
import type { DB } from '../../../db/schema.ts';
import type { Status } from '../codes.ts';
import type { ReliefStationRecordTable } from '../tables.ts';

export type RecordRow = Omit<Selectable<ReliefStationRecordTable>, 'created_at' | 'updated_at'> & { county_name: string; station_name: string; referred_name: string | null };

const SELECT = sql`
  select r.county_code, r.id, r.record_no, r.institution_id, r.source, r.met_on, r.place, r.sex, r.approx_age, r.birth_date, r.name, r.description, r.id_number,
    r.hukou_place, r.identity_status, r.health, r.mental_illness, r.infectious_disease, r.minor, r.decision, r.decided_on, r.status, r.entered_on,
    r.long_stay_kind, r.long_stay_reason, r.long_stay_on, r.exited_on, r.exit_kind, r.exit_receiver, r.exit_note, r.referred_county_code,
    r.referred_institution_id, r.recorded_by, r.version,
    ca.name as county_name, s.name as station_name, ri.name as referred_name
  from relief_station_records r
  join areas ca on ca.code = r.county_code
  join institutions s on s.county_code = r.county_code and s.id = r.institution_id
  left join institutions ri on ri.county_code = r.referred_county_code and ri.id = r.referred_institution_id`;

export async function recordByNo(db: Kysely<DB>, recordNo: string): Promise<RecordRow | undefined> {
  const { rows } = await sql<RecordRow>`${SELECT} where r.record_no = ${recordNo}`.execute(db);
  return rows[0];
}

export interface RecordFilter {
  county?: string | undefined; station?: number | undefined; status?: Status | undefined; minor?: boolean | undefined;
  from?: string | undefined; to?: string | undefined; after?: number | undefined; limit: number;
  /** Only records in the station with no long-stay reason (the overdue candidates). */
  staying?: boolean;
}

export async function recordPage(db: Kysely<DB>, visible: Expression<SqlBool>, f: RecordFilter): Promise<RecordRow[]> {
  const where = [visible];
  if (f.county !== undefined) where.push(sql<SqlBool>`r.county_code = ${f.county}`);
  if (f.station !== undefined) where.push(sql<SqlBool>`r.institution_id = ${f.station}`);
  if (f.status !== undefined) where.push(sql<SqlBool>`r.status = ${f.status}`);
  if (f.minor !== undefined) where.push(sql<SqlBool>`r.minor = ${f.minor}`);
  if (f.from !== undefined) where.push(sql<SqlBool>`r.met_on >= ${f.from}`);
  if (f.to !== undefined) where.push(sql<SqlBool>`r.met_on <= ${f.to}`);
  if (f.staying) where.push(sql<SqlBool>`r.status = 'in_station' and r.long_stay_kind is null`);
  if (f.after !== undefined) where.push(sql<SqlBool>`r.id < ${f.after}`);
  const { rows } = await sql<RecordRow>`${SELECT} where ${sql.join(where, sql` and `)} order by r.id desc limit ${f.limit}`.execute(db);
  return rows;
}

export type NewRecord = Omit<Selectable<ReliefStationRecordTable>, 'id' | 'version' | 'created_at' | 'updated_at' | 'entered_on' | 'long_stay_kind' | 'long_stay_reason' | 'long_stay_on'
  | 'exited_on' | 'exit_kind' | 'exit_receiver' | 'exit_note' | 'referred_county_code' | 'referred_institution_id'>;

export async function insertRecord(tx: Kysely<DB>, r: NewRecord): Promise<void> {
  await tx.insertInto('relief_station_records').values(r).execute();
}

export async function insertRecords(tx: Kysely<DB>, rows: readonly NewRecord[]): Promise<void> {
  if (rows.length > 0) await tx.insertInto('relief_station_records').values([...rows]).execute();
}

export type RecordSet = Pick<Updateable<ReliefStationRecordTable>, 'status' | 'entered_on' | 'long_stay_kind' | 'long_stay_reason' | 'long_stay_on' | 'exited_on'
  | 'exit_kind' | 'exit_receiver' | 'exit_note' | 'referred_county_code' | 'referred_institution_id'>;

/** Moves a record from one of `from`, at its version; false when it changed meanwhile. */
export async function moveRecord(tx: Kysely<DB>, r: Pick<RecordRow, 'county_code' | 'id' | 'version'>, from: readonly Status[], set: RecordSet): Promise<boolean> {
  const res = await tx.updateTable('relief_station_records').set({ ...set, version: r.version + 1, updated_at: sql<Date>`now()` })
    .where('county_code', '=', r.county_code).where('id', '=', r.id).where('version', '=', r.version).where('status', 'in', from).executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

/** Institutions of the counties a caller sees (stations to record at, institutions to refer to). */
export async function institutionsIn(db: Kysely<DB>, visible: Expression<SqlBool>, county?: string) {
  const where = [visible];
  if (county !== undefined) where.push(sql<SqlBool>`i.county_code = ${county}`);
  const { rows } = await sql<{ county_code: string; county_name: string; id: number; name: string; kind: string }>`
    select i.county_code, a.name as county_name, i.id, i.name, i.kind from institutions i join areas a on a.code = i.county_code
    where ${sql.join(where, sql` and `)} order by i.county_code, i.id`.execute(db);
  return rows.map((r) => ({ ...r, id: Number(r.id) }));
}

export async function institutionOf(db: Kysely<DB>, county: string, id: number) {
  const { rows } = await sql<{ id: number; name: string; kind: string }>`select id, name, kind from institutions where county_code = ${county} and id = ${id}`.execute(db);
  return rows[0];
}
