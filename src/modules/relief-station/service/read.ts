// Reading records: the list (the counties the caller sees; filters by county, station, status, minor,
// overdue, date met), one record with its steps, and the institutions a station or a referral may be.
import type { z } from 'zod';
import type { Database } from '../../../db/engine.ts';
import { todayInChina } from '../../../kernel/clock.ts';
import { visibleCounties, type Scope } from '../../../kernel/scope.ts';
import type { recordListQuery, stationQuery } from '../contract/records.ts';
import { allow } from '../permissions.ts';
import { institutionsIn, recordPage } from '../repo/records.ts';
import { journeyOf, searchesOf, servicesOf } from '../repo/steps.ts';
import { mayManage, mustSeeRecord } from './access.ts';
import { stayLimit, stayOf } from './stay.ts';
import { detailView, itemView } from './view.ts';

/** Records in a station at once are few (tens): the overdue list reads all of them and needs no pages. */
const OVERDUE_CAP = 1000;

export async function listRecords(db: Database, scope: Scope, q: z.output<typeof recordListQuery>) {
  allow(scope, 'relief_station.read');
  const limit = await stayLimit(db);
  const today = todayInChina();
  const visible = visibleCounties(scope, 'r.county_code');
  if (q.overdue === true) {
    const rows = await recordPage(db.kysely, visible, { ...q, status: undefined, after: undefined, limit: OVERDUE_CAP, staying: true });
    const items = rows.map((r) => itemView(r, stayOf(r, limit, today))).filter((i) => i.overdue && (q.status === undefined || q.status === i.status));
    return { items, next: null };
  }
  const rows = await recordPage(db.kysely, visible, q);
  const items = rows.map((r) => itemView(r, stayOf(r, limit, today))).filter((i) => q.overdue !== false || !i.overdue);
  const last = rows.at(-1);
  return { items, next: rows.length === q.limit && last ? last.id : null };
}

export async function recordDetail(db: Database, scope: Scope, recordNo: string) {
  const r = await mustSeeRecord(db, scope, recordNo);
  const [services, searches, journey, limit] = await Promise.all([servicesOf(db.kysely, r), searchesOf(db.kysely, r), journeyOf(db.kysely, r), stayLimit(db)]);
  return detailView(r, stayOf(r, limit), { services, searches, journey }, mayManage(scope, r.county_code));
}

export async function listStations(db: Database, scope: Scope, q: z.output<typeof stationQuery>) {
  allow(scope, 'relief_station.read');
  const rows = await institutionsIn(db.kysely, visibleCounties(scope, 'i.county_code'), q.county);
  return { items: rows.map((i) => ({ countyCode: i.county_code, countyName: i.county_name, id: i.id, name: i.name, kind: i.kind })) };
}
