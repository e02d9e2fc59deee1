// 灾害事件: record one (a county approver, with the townships and villages it hit), end it, list the
// events the caller may see, and one event with its areas, the latest report of each area and totals.
import type { z } from 'zod';
import type { Database } from '../../../db/engine.ts';
import { write } from '../../../db/write.ts';
import { appendAudit } from '../../../kernel/audit/append.ts';
import { AppError } from '../../../kernel/errors.ts';
import { covers, requireAreaField, type Scope } from '../../../kernel/scope.ts';
import { nextSerialNo } from '../../../kernel/serials.ts';
import { namesOf, actingCounty } from '../../areas/index.ts';
import type { endEventSchema, eventListQuery, newEventSchema } from '../contract/events.ts';
import { KIND_LABELS, LEVEL_LABELS } from '../labels.ts';
import { allow } from '../permissions.ts';
import { areasOf, findVisibleEvent, listVisibleEvents, type EventRow } from '../repo/events.ts';
import { latestReports } from '../repo/reports.ts';
import { checkEventAreas } from './event-areas.ts';
import { reportViewOf, totalsOf } from './figures.ts';

/** Event numbers: SJ (事件) + county + year of the start + 6 digits. ('ZH' is the programme's cases.) */
const EVENT_PREFIX = 'SJ';

function headOf(e: EventRow, names: ReadonlyMap<string, string>) {
  return {
    eventNo: e.event_no, kind: e.kind, kindLabel: KIND_LABELS[e.kind], name: e.name, countyName: names.get(e.county_code) ?? e.county_code,
    startedOn: e.started_on, endedOn: e.ended_on, responseLevel: e.response_level, responseLevelLabel: e.response_level ? LEVEL_LABELS[e.response_level] : null, note: e.note,
  };
}

/** The county the caller acts for (the areas module's rule). */
const recordingCounty = (db: Database, scope: Scope, given: string | undefined): Promise<string> => actingCounty(db, scope, given, '请指定记录事件的县（市、区）');

export async function createEvent(db: Database, scope: Scope, input: z.output<typeof newEventSchema>) {
  allow(scope, 'disaster.events');
  const county = await recordingCounty(db, scope, input.countyCode);
  if (input.endedOn !== undefined && input.endedOn < input.startedOn) throw AppError.field('endedOn', '结束日期不能早于开始日期');
  await checkEventAreas(db.kysely, scope, county, input.areas);
  const row = await write(db, scope, async (tx) => {
    const eventNo = await nextSerialNo(tx, EVENT_PREFIX, county, input.startedOn.slice(0, 4));
    const e = await tx.insertInto('disaster_events').values({
      county_code: county, event_no: eventNo, kind: input.kind, name: input.name, started_on: input.startedOn, ended_on: input.endedOn ?? null,
      response_level: input.responseLevel ?? null, note: input.note, created_by: scope.userName,
    }).returning(['id']).executeTakeFirstOrThrow();
    await tx.insertInto('disaster_event_areas').values(input.areas.map((a) => ({ county_code: county, event_id: Number(e.id), area_code: a }))).execute();
    const after = { kind: input.kind, name: input.name, startedOn: input.startedOn, endedOn: input.endedOn ?? null, responseLevel: input.responseLevel ?? null, areas: input.areas };
    await appendAudit(tx, scope, { action: 'disaster.event.create', entity: 'disaster_event', entityId: eventNo, areaCode: county, after });
    return { county_code: county, id: Number(e.id), event_no: eventNo, kind: input.kind, name: input.name, started_on: input.startedOn, ended_on: input.endedOn ?? null, response_level: input.responseLevel ?? null, note: input.note, created_by: scope.userName } satisfies EventRow;
  });
  return headOf(row, await namesOf(db.kysely, [county]));
}

/** The event if the caller may see it; out of scope reads exactly as missing. */
export async function requireEvent(db: Database, scope: Scope, eventNo: string): Promise<EventRow> {
  const e = await findVisibleEvent(db.kysely, scope, eventNo);
  if (!e) throw AppError.notFound('灾害事件', eventNo);
  return e;
}

export async function endEvent(db: Database, scope: Scope, eventNo: string, input: z.output<typeof endEventSchema>) {
  allow(scope, 'disaster.events');
  const e = await requireEvent(db, scope, eventNo);
  // A township that sees the event may not end it: the recording county's event, changed only from there.
  if (!covers(scope, e.county_code)) throw AppError.notFound('灾害事件', eventNo);
  if (e.ended_on !== null) throw AppError.conflict('disaster_event_ended', `灾害事件 ${eventNo} 已于 ${e.ended_on} 结束`);
  if (input.endedOn < e.started_on) throw AppError.field('endedOn', `结束日期不能早于开始日期 ${e.started_on}`);
  await write(db, scope, async (tx) => {
    const done = await tx.updateTable('disaster_events').set({ ended_on: input.endedOn })
      .where('county_code', '=', e.county_code).where('id', '=', e.id).where('ended_on', 'is', null).executeTakeFirst();
    if (Number(done.numUpdatedRows) !== 1) throw AppError.conflict('disaster_event_ended', `灾害事件 ${eventNo} 已结束`);
    await appendAudit(tx, scope, { action: 'disaster.event.end', entity: 'disaster_event', entityId: eventNo, areaCode: e.county_code, before: { endedOn: null }, after: { endedOn: input.endedOn } });
  });
  return headOf({ ...e, ended_on: input.endedOn }, await namesOf(db.kysely, [e.county_code]));
}

export async function listEvents(db: Database, scope: Scope, q: z.output<typeof eventListQuery>) {
  allow(scope, 'disaster.read');
  if (q.area !== undefined) {
    const found = await db.kysely.selectFrom('areas').select(['code']).where('code', '=', q.area).executeTakeFirst();
    requireAreaField(scope, 'area', q.area, found !== undefined);
  }
  const rows = await listVisibleEvents(db.kysely, scope, { limit: q.limit, ...(q.area !== undefined ? { area: q.area } : {}), ...(q.year !== undefined ? { year: q.year } : {}), ...(q.after !== undefined ? { after: q.after } : {}) });
  const areas = await areasOf(db.kysely, rows);
  const names = await namesOf(db.kysely, [...new Set([...rows.map((r) => r.county_code), ...[...areas.values()].flat()])]);
  const last = rows.at(-1);
  return {
    items: rows.map((e) => ({ ...headOf(e, names), id: Number(e.id), areaNames: (areas.get(Number(e.id)) ?? []).filter((a) => seesArea(scope, a)).map((a) => names.get(a) ?? a) })),
    next: rows.length === q.limit && last ? Number(last.id) : null,
  };
}

/** Below the county, staff see the event's areas of their own subtree and the areas above them. */
function seesArea(scope: Scope, area: string): boolean {
  return covers(scope, area) || (scope.kind !== 'citizen' && scope.prefix.startsWith(area));
}

export async function eventDetail(db: Database, scope: Scope, eventNo: string) {
  allow(scope, 'disaster.read');
  const e = await requireEvent(db, scope, eventNo);
  const areaCodes = ((await areasOf(db.kysely, [e])).get(Number(e.id)) ?? []).filter((a) => seesArea(scope, a));
  const latest = await latestReports(db.kysely, e, scope);
  const names = await namesOf(db.kysely, [...new Set([e.county_code, ...areaCodes, ...latest.map((r) => r.area_code)])]);
  return {
    ...headOf(e, names),
    createdBy: e.created_by,
    areas: areaCodes.map((a) => ({ areaCode: a, areaName: names.get(a) ?? a, level: a.length === 9 ? 'township' as const : 'village' as const })),
    latest: latest.map((r) => reportViewOf(r, names)),
    totals: totalsOf(latest),
    mayRecord: may(scope, 'disaster.record'),
    mayEnd: e.ended_on === null && covers(scope, e.county_code) && may(scope, 'disaster.events'),
  };
}

/** Whether the caller's role may do the action (an auditor reads only). */
export function may(scope: Scope, action: 'disaster.record' | 'disaster.events'): boolean {
  if (scope.role === 'auditor') return false;
  try {
    allow(scope, action);
    return true;
  } catch {
    return false;
  }
}
