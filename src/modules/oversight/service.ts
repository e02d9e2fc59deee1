// Complaints (举报, hotline 12349): about a case, a recipient or staff; anonymous or named; assigned,
// investigated and concluded. A named complaint closes only after feedback to the complainant is
// recorded. A complaint about a case or recipient flags the case "under complaint" through the cases
// engine (step `record_complaint`, which puts it in the county's 100% visit) while the case is pending,
// and a complaint about a recipient does so once the case is granted (its next review then needs a county
// visit), in the same transaction. A fraud recovery record (obtained, recovered, fine 1–3 × — the multiple
// checked against the oversight parameters) is kept for the payroll module.
import { z } from 'zod';
import { decimalInt, isoDate } from '../../kernel/types.ts';
import type { Database } from '../../db/engine.ts';
import { covers, requireAreaField, type Scope } from '../../kernel/scope.ts';
import { allow } from './permissions.ts';
import { write } from '../../db/write.ts';
import { AppError } from '../../kernel/errors.ts';
import { maskPhone } from '../../kernel/mask.ts';
import { levelOf } from '../../kernel/areas.ts';
import { appendAudit } from '../../kernel/audit/append.ts';
import { CASE_NO_MESSAGE, CASE_NO_PATTERN } from '../../programmes/registry.ts';
import { caseParameters, findSubjectCases } from '../cases/index.ts';
import { todayInChina } from '../../kernel/clock.ts';
import { areaExists } from '../intake/index.ts';
import { complaintTarget, receiveComplaint, type ComplaintTarget } from './receive.ts';
import * as repo from './repo.ts';
import { areaPaths } from '../areas/index.ts';
import { displayNames } from '../users/index.ts';

const caseNo = z.string().regex(CASE_NO_PATTERN, CASE_NO_MESSAGE);

export const newComplaintSchema = z.strictObject({
  channel: z.enum(['hotline_12349', 'window', 'online'], { message: '举报渠道应为 hotline_12349、window 或 online' }),
  anonymous: z.boolean(),
  complainant: z.strictObject({ name: z.string().trim().min(1, '请填写举报人姓名').max(50), phone: z.string().max(20).default('') }).optional(),
  subject: z.discriminatedUnion('kind', [
    z.strictObject({ kind: z.literal('case'), caseNo }),
    z.strictObject({ kind: z.literal('recipient'), caseNo }),
    z.strictObject({ kind: z.literal('staff'), areaCode: z.string().regex(/^(\d{6}|\d{9}|\d{12})$/, '区划代码应为6、9或12位数字'), name: z.string().trim().min(1, '请填写被举报人').max(50) }),
  ], { message: '举报对象应为 case、recipient 或 staff' }),
  category: z.enum(['favouritism', 'fraud', 'eligibility', 'misconduct', 'other'], { message: '举报类别应为 favouritism、fraud、eligibility、misconduct 或 other' }),
  content: z.string().trim().min(2, '请填写举报内容').max(2000),
  receivedOn: isoDate.optional(),
});

/** What the staff typed to find a complaint's subject (sent in the body: it may be an ID number). */
export const subjectSearchSchema = z.strictObject({ q: z.string().trim().min(2, '请至少输入2个字：姓名、身份证号码或住址').max(100) });

/** The current cases in the caller's scope whose applicant or household the typed name, ID number or address finds. */
export async function searchSubjects(db: Database, scope: Scope, input: z.output<typeof subjectSearchSchema>) {
  allow(scope, 'complaints.write');
  return { items: await findSubjectCases(db, scope, input.q) };
}

export const listComplaintsSchema = z.strictObject({
  area: z.string().regex(/^(\d{6}|\d{9}|\d{12})$/, '区划代码应为6、9或12位数字').optional(),
  status: z.enum(['received', 'assigned', 'concluded', 'closed']).optional(),
  limit: decimalInt(1, 200).default(50),
  after: decimalInt(1).optional(),
});

export const assignSchema = z.strictObject({ assignee: z.string().trim().min(1, '请填写承办人').max(50), date: isoDate.optional() });
export const concludeSchema = z.strictObject({
  conclusion: z.enum(['substantiated', 'partly_substantiated', 'unsubstantiated'], { message: '调查结论应为 substantiated、partly_substantiated 或 unsubstantiated' }),
  finding: z.string().trim().min(2, '请填写调查情况').max(4000),
  date: isoDate.optional(),
});
export const feedbackSchema = z.strictObject({
  date: isoDate,
  channel: z.enum(['phone', 'letter', 'visit', 'sms', 'online'], { message: '反馈方式应为 phone、letter、visit、sms 或 online' }),
  content: z.string().trim().min(2, '请填写反馈内容').max(2000),
});
export const closeSchema = z.strictObject({ date: isoDate.optional() });
export const recoverySchema = z.strictObject({
  obtainedFen: z.number().int().positive('骗取金额应大于0'),
  recoveredFen: z.number().int().min(0, '追回金额不能为负'),
  fineMultiple: z.number().positive('罚款倍数应大于0'),
  decidedOn: isoDate,
  note: z.string().max(1000).default(''),
});

export const STATUS_LABELS: Record<string, string> = { received: '已登记', assigned: '调查中', concluded: '已查结', closed: '已办结' };

function today(date: string | undefined, after: string): string {
  const t = todayInChina();
  const d = date ?? t;
  if (d > t) throw AppError.field('date', `日期 ${d} 不能晚于今天 ${t}`);
  if (d < after) throw AppError.field('date', `日期 ${d} 不能早于 ${after}`);
  return d;
}

export async function createComplaint(db: Database, scope: Scope, input: z.output<typeof newComplaintSchema>) {
  allow(scope, 'complaints.write');
  const receivedOn = input.receivedOn ?? todayInChina();
  if (receivedOn > todayInChina()) throw AppError.field('receivedOn', `受理日期 ${receivedOn} 不能晚于今天`);
  if (!input.anonymous && !input.complainant) throw AppError.field('complainant.name', '实名举报须填写举报人姓名');
  let areaCode: string;
  let target: ComplaintTarget | null = null;
  if (input.subject.kind === 'staff') {
    areaCode = input.subject.areaCode;
    if (levelOf(areaCode) === 'prefecture') throw AppError.field('subject.areaCode', '请选择县级及以下区划');
    requireAreaField(scope, 'subject.areaCode', areaCode, covers(scope, areaCode) && (await areaExists(db.kysely, areaCode)));
  } else {
    target = await complaintTarget(db, scope, input.subject.caseNo);
    areaCode = target.areaCode;
  }
  return receiveComplaint(db, scope, {
    areaCode, target, channel: input.channel, viaPortal: false, anonymous: input.anonymous,
    complainant: input.complainant ? { name: input.complainant.name, phone: input.complainant.phone, idNumber: null } : null,
    subjectKind: input.subject.kind, subjectName: input.subject.kind === 'staff' ? input.subject.name : '',
    category: input.category, content: input.content, receivedOn,
  });
}

async function mustFindComplaint(db: Database, scope: Scope, complaintNo: string) {
  if (!/^JB\d{16}$/.test(complaintNo)) throw AppError.field('complaintNo', '举报编号格式应为 JB + 16 位数字');
  const c = await repo.findComplaint(db.kysely, scope, complaintNo);
  if (c) return c;
  throw AppError.notFound('举报', complaintNo);
}

const view = (c: repo.ComplaintWithCase) => ({
  complaintNo: c.complaint_no, areaCode: c.area_code, channel: c.channel, viaPortal: c.via_portal, anonymous: c.anonymous, complainantName: c.complainant_name, complainantPhone: c.complainant_phone ? maskPhone(c.complainant_phone) : null,
  subjectKind: c.subject_kind, caseNo: c.case_no, subjectName: c.subject_name, category: c.category, content: c.content, receivedOn: c.received_on,
  status: c.status, statusLabel: STATUS_LABELS[c.status] ?? c.status, assignee: c.assignee, assignedOn: c.assigned_on, conclusion: c.conclusion, finding: c.finding,
  concludedOn: c.concluded_on, closedOn: c.closed_on, caseFlagged: c.case_flagged,
});

export async function getComplaint(db: Database, scope: Scope, complaintNo: string) {
  allow(scope, 'complaints.read');
  const c = await mustFindComplaint(db, scope, complaintNo);
  const [feedback, recoveries, paths] = await Promise.all([repo.listFeedback(db.kysely, c.county_code, c.id), repo.listRecoveries(db.kysely, c.county_code, c.id), areaPaths(db.kysely, [c.area_code])]);
  // Staff read the area by its names and the recorder by display name, not by codes and logins.
  const recorders = await displayNames(db.kysely, feedback.map((f) => f.recorded_by));
  return {
    ...view(c),
    areaPath: paths.get(c.area_code) ?? [],
    feedback: feedback.map((f) => ({ date: f.on_date, channel: f.channel, content: f.content, recordedBy: recorders.get(f.recorded_by) ?? f.recorded_by })),
    recoveries: recoveries.map((r) => ({ id: r.id, obtainedFen: r.obtained_fen, recoveredFen: r.recovered_fen, fineMultiple: r.fine_multiple, fineFen: r.fine_fen, decidedOn: r.decided_on, note: r.note })),
  };
}

export async function listComplaints(db: Database, scope: Scope, q: z.output<typeof listComplaintsSchema>) {
  allow(scope, 'complaints.read');
  const rows = await repo.listComplaints(db.kysely, scope, { area: q.area, status: q.status, limit: q.limit, afterId: q.after });
  const last = rows.at(-1);
  return { items: rows.map(view), next: rows.length === q.limit && last ? last.id : null };
}

async function change(db: Database, scope: Scope, complaintNo: string, from: readonly string[], label: string, fn: (c: repo.ComplaintWithCase, tx: Parameters<Parameters<typeof write>[2]>[0]) => Promise<Parameters<typeof repo.updateComplaint>[2]>) {
  allow(scope, 'complaints.write');
  const c = await mustFindComplaint(db, scope, complaintNo);
  if (!from.includes(c.status)) throw AppError.conflict('invalid_transition', `举报当前为「${STATUS_LABELS[c.status] ?? c.status}」，不能${label}`, { status: c.status });
  return write(db, scope, async (tx) => {
    const locked = await repo.lockComplaint(tx, c.county_code, c.id);
    if (locked.version !== c.version) throw AppError.conflict('complaint_changed', '举报已被他人更新，请刷新后重试');
    const patch = await fn(c, tx);
    if (Object.keys(patch).length > 0) await repo.updateComplaint(tx, locked, patch);
    await appendAudit(tx, scope, { action: `complaint.${label}`, entity: 'complaint', entityId: complaintNo, areaCode: c.area_code, before: { status: c.status }, after: patch });
    return { complaintNo, status: patch.status ?? c.status };
  });
}

export const assignComplaint = (db: Database, scope: Scope, no: string, input: z.output<typeof assignSchema>) =>
  change(db, scope, no, ['received', 'assigned'], '交办', async (c) => ({ status: 'assigned', assignee: input.assignee, assigned_on: today(input.date, c.received_on) }));

export const concludeComplaint = (db: Database, scope: Scope, no: string, input: z.output<typeof concludeSchema>) =>
  change(db, scope, no, ['assigned'], '查结', async (c) => ({ status: 'concluded', conclusion: input.conclusion, finding: input.finding, concluded_on: today(input.date, c.assigned_on ?? c.received_on) }));

export const recordFeedback = (db: Database, scope: Scope, no: string, input: z.output<typeof feedbackSchema>) =>
  change(db, scope, no, ['received', 'assigned', 'concluded'], '反馈', async (c, tx) => {
    if (c.anonymous) throw AppError.conflict('anonymous_complaint', '匿名举报无举报人，无需反馈');
    const date = today(input.date, c.received_on);
    await repo.insertFeedback(tx, { county_code: c.county_code, complaint_id: c.id, on_date: date, channel: input.channel, content: input.content, recorded_by: scope.userName });
    return {};
  });

export const closeComplaint = (db: Database, scope: Scope, no: string, input: z.output<typeof closeSchema>) =>
  change(db, scope, no, ['concluded'], '办结', async (c, tx) => {
    if (!c.anonymous && (await repo.listFeedback(tx, c.county_code, c.id)).length === 0) {
      throw new AppError('feedback_required', '实名举报须先记录向举报人反馈的情况（日期、方式、内容）才能办结', 409, { fields: [{ field: 'feedback', message: '尚未记录反馈' }] });
    }
    return { status: 'closed', closed_on: today(input.date, c.concluded_on ?? c.received_on) };
  });

/** 骗取追回: fine = obtained × multiple, the multiple within the oversight parameters (1–3 ×). */
export async function recordRecovery(db: Database, scope: Scope, no: string, input: z.output<typeof recoverySchema>) {
  allow(scope, 'complaints.write');
  const c = await mustFindComplaint(db, scope, no);
  if (c.case_id === null || c.household_id === null) throw AppError.conflict('no_case', '只有针对案件或救助对象的举报才能登记追回');
  if (c.conclusion !== 'substantiated' && c.conclusion !== 'partly_substantiated') throw AppError.conflict('not_substantiated', '举报查实（或部分查实）后才能登记骗取追回');
  if (input.decidedOn > todayInChina()) throw AppError.field('decidedOn', '决定日期不能晚于今天');
  if (input.recoveredFen > input.obtainedFen) throw AppError.field('recoveredFen', '追回金额不能多于骗取金额');
  const params = await caseParameters(db);
  const min = params.get('oversight.fraud_fine_min_multiplier', c.area_code, input.decidedOn).value;
  const max = params.get('oversight.fraud_fine_max_multiplier', c.area_code, input.decidedOn).value;
  if (typeof min !== 'number' || typeof max !== 'number') throw new Error('oversight.fraud_fine_*_multiplier is not a number');
  if (input.fineMultiple < min || input.fineMultiple > max) throw AppError.field('fineMultiple', `罚款倍数应在骗取金额的 ${min}–${max} 倍之间（社会救助暂行办法第六十八条），实际为 ${input.fineMultiple}`);
  const fineFen = Math.round(input.obtainedFen * input.fineMultiple);
  return write(db, scope, async (tx) => {
    const id = await repo.insertRecovery(tx, { county_code: c.county_code, complaint_id: c.id, case_id: c.case_id as number, household_id: c.household_id as number, obtained_fen: input.obtainedFen, recovered_fen: input.recoveredFen, fine_multiple: input.fineMultiple, fine_fen: fineFen, decided_on: input.decidedOn, note: input.note, created_by: scope.userName });
    await appendAudit(tx, scope, { action: 'complaint.recovery', entity: 'fraud_recovery', entityId: String(id), areaCode: c.area_code, after: { complaintNo: no, caseNo: c.case_no, ...input, fineFen } });
    return { id, complaintNo: no, caseNo: c.case_no, obtainedFen: input.obtainedFen, recoveredFen: input.recoveredFen, fineMultiple: input.fineMultiple, fineFen };
  });
}
