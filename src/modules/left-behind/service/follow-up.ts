// The follow-up of a 留守 warning (预警处置), in one transaction with its audit entry:
// - `referral`: opens a one-window request (一门受理, channel village) with a referral of the need to the
//   department named, so the department's time limit runs from that day;
// - `temporary_case`: links a 临时救助 case already opened (`caseNo`, a case the caller sees), or opens one
//   through the same window (急难型 by default, 1 month, source 村（社区）报告), its hardship told by the warning;
// - `none`: records that nothing was needed.
// Opening works at a window: a referral by village clerks and township caseworkers (intake.write), a new case by
// township caseworkers (intake.write and cases.write); anyone recording may link a case or record `none`. The request, its case or referral and the follow-up commit together: a refused
// opening leaves nothing. The window's errors are named by this request's fields (department, need, months…).
import type { z } from 'zod';
import type { Database } from '../../../db/engine.ts';
import { write } from '../../../db/write.ts';
import { appendAudit } from '../../../kernel/audit/append.ts';
import { AppError, type FieldError } from '../../../kernel/errors.ts';
import { mayAct } from '../../../kernel/permissions.ts';
import { levelOf } from '../../../kernel/areas.ts';
import type { Scope } from '../../../kernel/scope.ts';
import { mustFindCase } from '../../cases/index.ts';
import { createRequest, withinTransaction, type NewRequest } from '../../intake/index.ts';
import { listMembers, mustFindHousehold } from '../../registry/index.ts';
import type { newFollowUpSchema } from '../contract/records.ts';
import { WARNING_LABELS } from '../labels.ts';
import { latestSurveyKind, type PersonRow } from '../repo/records.ts';
import { mustRecordFor } from './access.ts';
import { checkDay, ENTITY, firstSurveyOn, invalid } from './write.ts';

type FollowUp = z.output<typeof newFollowUpSchema>;

function inputErrors(input: FollowUp): FieldError[] {
  const errors: FieldError[] = [];
  const only = (field: keyof FollowUp, when: boolean, message: string) => { if (!when && input[field] !== undefined) errors.push({ field, message }); };
  if (input.action === 'referral' && input.department === undefined) errors.push({ field: 'department', message: '转介时请选择转介部门' });
  only('department', input.action === 'referral', '仅转介时填写转介部门');
  only('need', input.action === 'referral', '仅转介时填写转介事项');
  only('caseNo', input.action === 'temporary_case', '仅启动临时救助时填写案件编号');
  only('claimKind', input.action === 'temporary_case' && input.caseNo === undefined, '仅新启动临时救助时填写救助类型');
  only('months', input.action === 'temporary_case' && input.caseNo === undefined, '仅新启动临时救助时填写救助月数');
  return errors;
}

/** The window's field names (`parts.0.department`, `parts.0.details.months`, `person.idNumber`) as this request's. */
function asFollowUpError(err: unknown): unknown {
  const fields = err instanceof AppError ? err.details?.fields : undefined;
  if (!(err instanceof AppError) || fields === undefined) return err;
  const rename = (f: string) => {
    const m = /^parts\.0\.(?:details\.)?(.+)$/.exec(f);
    if (m) return m[1] === 'kind' ? 'claimKind' : m[1] === 'hardship' || m[1] === 'programme' ? 'action' : m[1]!;
    return f.startsWith('person') || f === 'windowAreaCode' ? 'personId' : f;
  };
  const named = fields.map((f) => ({ ...f, field: rename(f.field) }));
  return new AppError(err.code, named.map((f) => `${f.field}: ${f.message}`).join('；'), err.status, { ...err.details, fields: named });
}

/** The one-window request the follow-up opens: the person's household, a needs assessment from the survey. */
async function requestOf(db: Database, scope: Scope, p: PersonRow, input: FollowUp): Promise<NewRequest> {
  const h = await mustFindHousehold(db, scope, p.household_no);
  const size = (await listMembers(db.kysely, h.key)).length;
  const kind = await latestSurveyKind(db.kysely, p.county_code, p.member_id);
  const told = `留守人员预警（${WARNING_LABELS[input.warning]}）：${input.note}`;
  const part: NewRequest['parts'][number] = input.action === 'referral'
    ? { kind: 'referral', department: input.department!, need: input.need ?? 'other', note: input.note }
    : {
      kind: 'case', programme: 'temporary', staffRelative: false, cadreRelative: false, note: input.note,
      details: { kind: input.claimKind ?? 'emergency', months: input.months ?? 1, source: 'village_report', hardship: told },
    };
  const area = scope.kind === 'staff' ? scope.areaCode : '';
  return {
    windowAreaCode: ['township', 'village'].includes(levelOf(area)) ? area : p.village_code.slice(0, 9),
    channel: 'village', receivedOn: input.followedOn, person: { householdNo: p.household_no, idNumber: p.id_number }, description: told,
    assessment: {
      householdSize: Math.max(size, 1), dependents: 0, structureNote: '', seriousIllness: input.warning === 'alone_ill', disability: false, healthNote: '',
      workCapacity: kind === 'woman' ? 'full' : kind === 'elder' ? 'partial' : 'none', rigidExpenses: [], urgent: input.warning !== 'no_visit', note: '',
    },
    parts: [part],
  };
}

export async function recordFollowUp(db: Database, scope: Scope, id: string, input: FollowUp): Promise<void> {
  const p = await mustRecordFor(db, scope, id);
  checkDay('followedOn', input.followedOn, '处置日期', await firstSurveyOn(db, p.county_code, p.member_id));
  const errors = inputErrors(input);
  if (errors.length > 0) throw invalid(errors);
  const opens = input.action === 'referral' || (input.action === 'temporary_case' && input.caseNo === undefined);
  if (input.action === 'referral' && !mayAct(scope, 'intake.write')) throw AppError.forbidden('转介须在乡镇（街道）、村（社区）受理窗口办理');
  if (opens && input.action === 'temporary_case' && !(mayAct(scope, 'intake.write') && mayAct(scope, 'cases.write'))) throw AppError.forbidden('新启动临时救助须由乡镇（街道）经办员在受理窗口办理；已启动的案件请填写案件编号');
  if (input.caseNo !== undefined) {
    const c = await mustFindCase(db, scope, input.caseNo).catch((e: unknown) => {
      if (e instanceof AppError && e.status === 404) throw AppError.field('caseNo', `临时救助案件 ${input.caseNo} 不存在`);
      throw e;
    });
    if (c.programme !== 'temporary') throw AppError.field('caseNo', `案件 ${input.caseNo} 不是临时救助案件`);
  }
  const request = opens ? await requestOf(db, scope, p, input) : undefined;
  await write(db, scope, async (tx) => {
    const opened = request === undefined ? undefined : await createRequest(withinTransaction(db, tx), scope, request).catch((e: unknown) => { throw asFollowUpError(e); });
    const caseNo = input.caseNo ?? opened?.parts.find((x) => x.kind === 'case')?.caseNo ?? null;
    const row = {
      county_code: p.county_code, member_id: p.member_id, warning: input.warning, action: input.action, department: input.department ?? null,
      case_no: caseNo, request_no: opened?.requestNo ?? null, note: input.note, followed_on: input.followedOn, recorded_by: scope.userName,
    };
    await tx.insertInto('left_behind_follow_ups').values(row).execute();
    await appendAudit(tx, scope, { action: 'left_behind.follow_up.create', entity: ENTITY, entityId: id, areaCode: p.village_code, after: row });
  });
}
