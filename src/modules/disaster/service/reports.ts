// 灾情 reports: a township caseworker reports for its township and villages, the county approver for any
// area of the event. A second report of the same area and date is its next version (a correction).
import type { z } from 'zod';
import type { Database } from '../../../db/engine.ts';
import { write } from '../../../db/write.ts';
import { appendAudit } from '../../../kernel/audit/append.ts';
import { AppError } from '../../../kernel/errors.ts';
import { areaFieldError, covers, requireAreaField, type Scope } from '../../../kernel/scope.ts';
import { namesOf } from '../../areas/index.ts';
import type { newReportSchema, reportListQuery } from '../contract/reports.ts';
import { allow } from '../permissions.ts';
import { areasOf } from '../repo/events.ts';
import { appendReport, reportVersions } from '../repo/reports.ts';
import { reportableArea } from './event-areas.ts';
import { requireEvent } from './events.ts';
import { reportViewOf } from './figures.ts';

export async function addReport(db: Database, scope: Scope, eventNo: string, input: z.output<typeof newReportSchema>) {
  allow(scope, 'disaster.record');
  const e = await requireEvent(db, scope, eventNo);
  const eventAreas = (await areasOf(db.kysely, [e])).get(Number(e.id)) ?? [];
  const found = await db.kysely.selectFrom('areas').select(['code']).where('code', '=', input.areaCode).executeTakeFirst();
  requireAreaField(scope, 'areaCode', input.areaCode, found !== undefined);
  if (!reportableArea(input.areaCode, eventAreas)) throw AppError.field('areaCode', `区划 ${input.areaCode} 不在该灾害事件的受灾乡镇（街道）或村（社区）之中`);
  if (!covers(scope, input.areaCode)) throw areaFieldError('areaCode', input.areaCode);
  if (input.asOf < e.started_on) throw AppError.field('asOf', `统计截止日期不能早于灾害开始日期 ${e.started_on}`);
  const version = await write(db, scope, async (tx) => {
    const v = await appendReport(tx, e, input, scope.userName);
    const { note: _note, ...figures } = input;
    await appendAudit(tx, scope, { action: 'disaster.report.add', entity: 'disaster_report', entityId: `${eventNo}/${input.areaCode}/${input.asOf}/${v}`, areaCode: input.areaCode, after: { ...figures, version: v } });
    return v;
  });
  const names = await namesOf(db.kysely, [input.areaCode]);
  return { eventNo, areaCode: input.areaCode, areaName: names.get(input.areaCode) ?? input.areaCode, asOf: input.asOf, version };
}

export async function listReports(db: Database, scope: Scope, eventNo: string, q: z.output<typeof reportListQuery>) {
  allow(scope, 'disaster.read');
  const e = await requireEvent(db, scope, eventNo);
  if (q.area !== undefined) {
    const found = await db.kysely.selectFrom('areas').select(['code']).where('code', '=', q.area).executeTakeFirst();
    requireAreaField(scope, 'area', q.area, found !== undefined);
  }
  const rows = await reportVersions(db.kysely, e, scope, q.area);
  const names = await namesOf(db.kysely, [...new Set(rows.map((r) => r.area_code))]);
  return { items: rows.map((r) => reportViewOf(r, names)) };
}
