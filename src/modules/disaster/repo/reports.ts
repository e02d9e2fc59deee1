// 灾情 report rows: append a version, read an event's versions.
import { sql, type Kysely, type Selectable, type SqlBool } from 'kysely';
import type { DB } from '../../../db/schema.ts';
import { inArea, inScope, type Scope } from '../../../kernel/scope.ts';
import type { ReportFigures } from '../contract/reports.ts';
import type { DisasterReportTable } from '../tables.ts';

/** A report version as read (the columns of `COLUMNS`). */
export type ReportRow = Omit<Selectable<DisasterReportTable>, 'county_code' | 'id' | 'event_id'>;

export interface EventKey {
  county_code: string;
  id: number;
}

/** Appends the next version of (event, area, date); concurrent reports of the same key queue on a lock. */
export async function appendReport(tx: Kysely<DB>, event: EventKey, r: ReportFigures & { areaCode: string; asOf: string; note: string }, reportedBy: string): Promise<number> {
  await sql`select pg_advisory_xact_lock(hashtext(${`disaster:${event.id}:${r.areaCode}:${r.asOf}`}))`.execute(tx);
  const { rows } = await sql<{ v: number }>`select coalesce(max(version), 0) + 1 as v from disaster_reports
    where county_code = ${event.county_code} and event_id = ${event.id} and area_code = ${r.areaCode} and as_of = ${r.asOf}`.execute(tx);
  const version = Number(rows[0]?.v ?? 1);
  await tx.insertInto('disaster_reports').values({
    county_code: event.county_code, event_id: event.id, area_code: r.areaCode, as_of: r.asOf, version,
    affected_persons: r.affectedPersons, relocated_persons: r.relocatedPersons, deaths: r.deaths, missing: r.missing,
    houses_collapsed: r.housesCollapsed, houses_seriously_damaged: r.housesSeriouslyDamaged, houses_generally_damaged: r.housesGenerallyDamaged,
    crop_affected_ha100: r.cropAffectedHa100, crop_failed_ha100: r.cropFailedHa100, direct_loss_fen: r.directLossFen,
    reported_by: reportedBy, note: r.note,
  }).execute();
  return version;
}

function reportWhere(event: EventKey, scope: Scope, area?: string) {
  const where = [sql<SqlBool>`r.county_code = ${event.county_code}`, sql<SqlBool>`r.event_id = ${event.id}`, inScope(scope, 'r.area_code')];
  if (area !== undefined) where.push(inArea(area, 'r.area_code'));
  return sql.join(where, sql` and `);
}

const COLUMNS = sql`r.area_code, r.as_of, r.version, r.affected_persons, r.relocated_persons, r.deaths, r.missing, r.houses_collapsed,
  r.houses_seriously_damaged, r.houses_generally_damaged, r.crop_affected_ha100, r.crop_failed_ha100, r.direct_loss_fen, r.reported_by, r.reported_at, r.note`;

/** Every version of the event's reports in the caller's scope (under `area` if given), newest first. */
export async function reportVersions(db: Kysely<DB>, event: EventKey, scope: Scope, area?: string): Promise<ReportRow[]> {
  const { rows } = await sql<ReportRow>`select ${COLUMNS} from disaster_reports r where ${reportWhere(event, scope, area)}
    order by r.as_of desc, r.version desc, r.id desc`.execute(db);
  return rows;
}

/** The latest version of each area's report in the caller's scope: the latest date, then the highest version. */
export async function latestReports(db: Kysely<DB>, event: EventKey, scope: Scope): Promise<ReportRow[]> {
  const { rows } = await sql<ReportRow>`select distinct on (r.area_code) ${COLUMNS} from disaster_reports r where ${reportWhere(event, scope)}
    order by r.area_code, r.as_of desc, r.version desc`.execute(db);
  return rows;
}
