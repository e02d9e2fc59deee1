// Leaving the station's care (离站): 返乡 (the journey home with ticket, escort and handover), referral to an
// institution (转介, e.g. 托养 for a long stay), family pickup, leaving voluntarily, death. Rules:
// - a minor never leaves on their own: only family pickup, referral (to the protection centre) with the
//   receiver recorded, or 返乡 escorted and handed over; death is recorded as it is;
// - a stay beyond relief_station.stay_days needs its reason: a long-stay approval recorded before, the
//   referral itself, or `longStayReason` given with the exit (kept as an approval on the exit day);
// - an escort names its escorts; the receiver of a pickup is recorded.
import type { z } from 'zod';
import type { Database } from '../../../db/engine.ts';
import { write } from '../../../db/write.ts';
import { appendAudit } from '../../../kernel/audit/append.ts';
import { AppError } from '../../../kernel/errors.ts';
import { covers, type Scope } from '../../../kernel/scope.ts';
import type { ExitKind } from '../codes.ts';
import type { exitSchema, referralSchema, returnSchema } from '../contract/steps.ts';
import { EXIT_LABELS } from '../labels.ts';
import { institutionOf, type RecordRow, type RecordSet } from '../repo/records.ts';
import { insertJourney } from '../repo/steps.ts';
import { mustManageRecord } from './access.ts';
import { daysBetween, stayLimit } from './stay.ts';
import { checkDate, move, wrongStatus } from './steps.ts';

const conflict = (code: string, field: string, message: string) => AppError.conflict(code, message, { fields: [{ field, message }] });

/** The long-stay part of an exit's update, or 409 when the stay passed the limit with no reason. */
async function longStayOnExit(db: Database, r: RecordRow, kind: ExitKind, exitedOn: string, reason: string | undefined): Promise<RecordSet> {
  if (!r.entered_on || r.long_stay_kind !== null || kind === 'referred' || kind === 'died') return {};
  const limit = (await stayLimit(db))(r.county_code, r.entered_on);
  const days = daysBetween(r.entered_on, exitedOn);
  if (days <= limit) return {};
  if (reason === undefined) throw conflict('relief_station_long_stay', 'longStayReason', `在站 ${days} 天，超过救助期限 ${limit} 天：请填写延长救助的原因（批准文号或情况）`);
  return { long_stay_kind: 'approval', long_stay_reason: reason, long_stay_on: exitedOn };
}

function minorMayExit(r: RecordRow, kind: ExitKind): void {
  if (r.minor && kind === 'left_voluntarily') throw conflict('relief_station_minor_exit', 'kind', '未成年人不能自行离站：应由亲属接回、护送返乡或转未成年人救助保护中心');
}

async function exitable(db: Database, scope: Scope, recordNo: string, kind: ExitKind): Promise<RecordRow> {
  const r = await mustManageRecord(db, scope, recordNo);
  if (r.status !== 'screened' && r.status !== 'in_station') throw wrongStatus(r, EXIT_LABELS[kind]);
  minorMayExit(r, kind);
  return r;
}

export async function returnHome(db: Database, scope: Scope, recordNo: string, input: z.output<typeof returnSchema>): Promise<void> {
  const r = await exitable(db, scope, recordNo, 'returned_home');
  checkDate('returnedOn', input.returnedOn, r.entered_on ?? r.decided_on, r.entered_on ? '入站日期' : '处置日期');
  if (input.escort !== input.escortNames.length > 0) throw AppError.field('escortNames', input.escort ? '护送返乡请填写护送人员' : '未护送时不填写护送人员');
  if (r.minor && !input.escort) throw conflict('relief_station_minor_exit', 'escort', '未成年人返乡须有工作人员护送并当面交接');
  const long = await longStayOnExit(db, r, 'returned_home', input.returnedOn, input.longStayReason);
  await write(db, scope, async (tx) => {
    await move(tx, r, ['screened', 'in_station'], { ...long, status: 'exited', exited_on: input.returnedOn, exit_kind: 'returned_home', exit_receiver: input.receiver }, '返乡');
    await insertJourney(tx, r, input, scope.userName);
    await appendAudit(tx, scope, { action: 'relief_station.record.return', entity: 'relief_station_record', entityId: r.record_no, areaCode: r.county_code, before: { status: r.status }, after: input });
  });
}

export async function refer(db: Database, scope: Scope, recordNo: string, input: z.output<typeof referralSchema>): Promise<void> {
  const r = await exitable(db, scope, recordNo, 'referred');
  checkDate('referredOn', input.referredOn, r.entered_on ?? r.decided_on, r.entered_on ? '入站日期' : '处置日期');
  // Institutions of the caller's own scope only: a wider list would tell what exists elsewhere.
  const to = covers(scope, input.institutionCountyCode) ? await institutionOf(db.kysely, input.institutionCountyCode, input.institutionId) : undefined;
  if (!to) throw AppError.field('institutionId', `机构 ${input.institutionId} 不存在或不在管辖范围内`);
  if (to.id === Number(r.institution_id) && input.institutionCountyCode === r.county_code) throw AppError.field('institutionId', '不能转介到本站');
  await write(db, scope, async (tx) => {
    await move(tx, r, ['screened', 'in_station'], {
      status: 'exited', exited_on: input.referredOn, exit_kind: 'referred', exit_receiver: input.receiver, exit_note: input.note ?? null,
      referred_county_code: input.institutionCountyCode, referred_institution_id: to.id,
    }, '转介');
    await appendAudit(tx, scope, { action: 'relief_station.record.refer', entity: 'relief_station_record', entityId: r.record_no, areaCode: r.county_code, before: { status: r.status }, after: { ...input, institutionName: to.name } });
  });
}

export async function exitStation(db: Database, scope: Scope, recordNo: string, input: z.output<typeof exitSchema>): Promise<void> {
  const r = await exitable(db, scope, recordNo, input.kind);
  checkDate('exitedOn', input.exitedOn, r.entered_on ?? r.decided_on, r.entered_on ? '入站日期' : '处置日期');
  if (input.kind === 'family_pickup' && input.receiver === undefined) throw AppError.field('receiver', '亲属接回请填写接回的亲属');
  const long = await longStayOnExit(db, r, input.kind, input.exitedOn, input.longStayReason);
  await write(db, scope, async (tx) => {
    await move(tx, r, ['screened', 'in_station'], { ...long, status: 'exited', exited_on: input.exitedOn, exit_kind: input.kind, exit_receiver: input.receiver ?? null, exit_note: input.note ?? null }, EXIT_LABELS[input.kind]);
    await appendAudit(tx, scope, { action: 'relief_station.record.exit', entity: 'relief_station_record', entityId: r.record_no, areaCode: r.county_code, before: { status: r.status }, after: input });
  });
}
