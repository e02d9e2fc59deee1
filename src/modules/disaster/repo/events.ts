// Disaster events as the caller may see them: the recording county in scope, or one of the event's
// areas in scope or above the caller's own area (a village sees an event that hit its township).
import { sql, type Kysely, type SqlBool } from 'kysely';
import type { DB } from '../../../db/schema.ts';
import { inArea, inScope, type Scope } from '../../../kernel/scope.ts';
import type { DisasterKind, ResponseLevel } from '../codes.ts';

export interface EventRow {
  county_code: string;
  id: number;
  event_no: string;
  kind: DisasterKind;
  name: string;
  started_on: string;
  ended_on: string | null;
  response_level: ResponseLevel | null;
  note: string;
  created_by: string;
}

function visible(scope: Scope) {
  return sql<SqlBool>`(${inScope(scope, 'e.county_code')} or exists (
    select 1 from disaster_event_areas a where a.county_code = e.county_code and a.event_id = e.id
      and (${inScope(scope, 'a.area_code')} or ${scope.prefix}::text like a.area_code || '%')))`;
}

const COLUMNS = sql`e.county_code, e.id, e.event_no, e.kind, e.name, e.started_on, e.ended_on, e.response_level, e.note, e.created_by`;

/** The event by number if the caller may see it (one query either way: out of scope reads as missing). */
export async function findVisibleEvent(db: Kysely<DB>, scope: Scope, eventNo: string): Promise<EventRow | undefined> {
  const { rows } = await sql<EventRow>`select ${COLUMNS} from disaster_events e where e.event_no = ${eventNo} and ${visible(scope)}`.execute(db);
  return rows[0];
}

export interface EventFilter {
  area?: string;
  year?: number;
  after?: number;
  limit: number;
}

export async function listVisibleEvents(db: Kysely<DB>, scope: Scope, f: EventFilter): Promise<EventRow[]> {
  const where = [visible(scope)];
  if (f.area !== undefined) {
    where.push(sql<SqlBool>`(${inArea(f.area, 'e.county_code')} or exists (select 1 from disaster_event_areas a where a.county_code = e.county_code and a.event_id = e.id and ${inArea(f.area, 'a.area_code')}))`);
  }
  if (f.year !== undefined) where.push(sql<SqlBool>`e.started_on >= ${`${f.year}-01-01`}::date and e.started_on < ${`${f.year + 1}-01-01`}::date`);
  if (f.after !== undefined) where.push(sql<SqlBool>`e.id < ${f.after}`);
  const { rows } = await sql<EventRow>`select ${COLUMNS} from disaster_events e where ${sql.join(where, sql` and `)} order by e.id desc limit ${f.limit}`.execute(db);
  return rows;
}

/** The areas of events, by event id. */
export async function areasOf(db: Kysely<DB>, events: readonly Pick<EventRow, 'county_code' | 'id'>[]): Promise<Map<number, string[]>> {
  const out = new Map<number, string[]>();
  if (events.length === 0) return out;
  const rows = await db.selectFrom('disaster_event_areas').select(['event_id', 'area_code'])
    .where((w) => w.or(events.map((e) => w.and([w('county_code', '=', e.county_code), w('event_id', '=', e.id)]))))
    .orderBy('area_code').execute();
  for (const r of rows) out.set(Number(r.event_id), [...(out.get(Number(r.event_id)) ?? []), r.area_code]);
  return out;
}
