// Complaints (举报) from the citizen portal (issue 21): anonymous or named, about a recipient or a staff
// member by name, or about something else. A recipient named by a citizen is looked up among the village's
// current cases; exactly one match links and flags the case as the staff register does, otherwise staff link
// it later from the name given. The answer never says which happened (no enumeration of recipients).
// An anonymous complaint keeps nothing that identifies its author: not in the row, not in the audit.
import crypto from 'node:crypto';
import { z } from 'zod';
import type { Database } from '../../db/engine.ts';
import { todayInChina } from '../../kernel/clock.ts';
import { AppError } from '../../kernel/errors.ts';
import { maskIdNumber } from '../../kernel/mask.ts';
import { systemScope, type CitizenScope, type SystemScope } from '../../kernel/scope.ts';
import { currentCasesNamed } from '../cases/index.ts';
import { areaExists } from '../intake/index.ts';
import { contactOf } from '../registry/index.ts';
import { complaintTarget, receiveComplaint, type ComplaintTarget } from './receive.ts';
import * as repo from './repo.ts';
import { STATUS_LABELS } from './service.ts';

export const COMPLAINT_CATEGORY_LABELS = {
  favouritism: '优亲厚友/人情保/关系保', fraud: '骗取救助', eligibility: '不符合条件', misconduct: '工作人员违纪', other: '其他',
} as const;
const CONCLUSION_LABELS: Record<string, string> = { substantiated: '属实', partly_substantiated: '部分属实', unsubstantiated: '不属实' };
const SUBJECT_LABELS: Record<string, string> = { case: '低保对象/救助对象', recipient: '低保对象/救助对象', staff: '工作人员', other: '其他' };
/** The actor of an anonymous complaint, in the complaint's `created_by`, the audit and the case's timeline. */
export const ANONYMOUS_ACTOR = '匿名（居民端）';
/** At most this many complaints (named and anonymous) per citizen per day. */
export const DAILY_LIMIT = 5;

const personName = (what: string) => z.string({ message: `请填写${what}姓名` }).trim().min(1, `请填写${what}姓名`).max(50, `${what}姓名过长（至多50字）`);

export const citizenComplaintSchema = z.strictObject({
  anonymous: z.boolean({ message: '请选择实名或匿名举报' }),
  /** Named, by a citizen not in the registry: their name (a registered citizen's comes from the registry). */
  name: personName('举报人').optional(),
  phone: z.string().trim().regex(/^(1[3-9]\d{9})?$/, '手机号码应为11位手机号').optional(),
  subject: z.discriminatedUnion('kind', [
    z.strictObject({ kind: z.literal('recipient'), name: personName('被举报的救助对象') }),
    z.strictObject({ kind: z.literal('staff'), name: personName('被举报的工作人员') }),
    z.strictObject({ kind: z.literal('other') }),
  ], { message: '请选择举报对象（救助对象、工作人员或其他）' }),
  villageCode: z.string().regex(/^\d{12}$/, '请选择村（社区）').optional(),
  category: z.enum(['favouritism', 'fraud', 'eligibility', 'misconduct', 'other'], { message: '请选择举报类别' }),
  content: z.string({ message: '请填写举报内容' }).trim().min(5, '请填写举报内容（至少5个字）').max(2000, '举报内容过长（至多2000字）'),
});
export type CitizenComplaintInput = z.output<typeof citizenComplaintSchema>;

export const citizenComplaintResultSchema = z.object({ complaintNo: z.string(), anonymous: z.boolean() });
export const citizenComplaintListSchema = z.object({
  items: z.array(z.object({
    complaintNo: z.string(),
    receivedOn: z.string(),
    categoryLabel: z.string(),
    statusLabel: z.string(),
    subjectLabel: z.string(),
    /** The name as the citizen gave it (a recipient or staff member); null for `other`. */
    subjectName: z.string().nullable(),
    content: z.string(),
    feedback: z.array(z.object({ date: z.string(), content: z.string() })),
    /** 属实 / 部分属实 / 不属实 once concluded; the investigation's finding stays internal. */
    conclusionLabel: z.string().nullable(),
    concludedOn: z.string().nullable(),
  })),
});

/**
 * The day's count per citizen, in this process only: an anonymous complaint stores nothing that could be
 * counted, so the count lives here (keyed by a hash of the ID number), seeded from the named ones stored today.
 */
const daily = { day: '', counts: new Map<string, number>() };

async function takeDailySlot(db: Database, idNumber: string, today: string): Promise<() => void> {
  if (daily.day !== today) { daily.day = today; daily.counts.clear(); }
  const key = crypto.createHash('sha256').update(idNumber).digest('hex');
  if (!daily.counts.has(key)) {
    const stored = await repo.countNamedOn(db.kysely, idNumber, today);
    if (!daily.counts.has(key)) daily.counts.set(key, stored);
  }
  const used = daily.counts.get(key) ?? 0;
  if (used >= DAILY_LIMIT) throw new AppError('too_many_complaints', `每人每天最多提交 ${DAILY_LIMIT} 件举报，请明天再提交或拨打 12349 热线`, 429);
  daily.counts.set(key, used + 1);
  return () => { if (daily.day === today) daily.counts.set(key, Math.max(0, (daily.counts.get(key) ?? 1) - 1)); };
}

/** The portal receiving a complaint in the complaint's county: complaints and the case's flag only. */
function portalActor(county: string, name: string): SystemScope {
  return { ...systemScope(name, ['complaints.write', 'cases.write']), areaCode: county, areaLevel: 'county', prefix: county };
}

export async function citizenComplaint(db: Database, citizen: CitizenScope, input: CitizenComplaintInput): Promise<z.infer<typeof citizenComplaintResultSchema>> {
  const villageCode = input.villageCode ?? citizen.areaCode;
  if (!villageCode) throw AppError.field('villageCode', '请选择被举报事项所在的村（社区）');
  if (!/^\d{12}$/.test(villageCode) || !(await areaExists(db.kysely, villageCode))) throw AppError.field('villageCode', '所选村（社区）不存在');
  const contact = input.anonymous ? undefined : await contactOf(db, citizen.idNumber);
  const complainantName = input.anonymous ? null : (contact?.name || input.name);
  if (!input.anonymous && !complainantName) throw AppError.field('name', '实名举报请填写您的姓名');

  const today = todayInChina();
  const actor = portalActor(villageCode.slice(0, 6), input.anonymous ? ANONYMOUS_ACTOR : maskIdNumber(citizen.idNumber));
  let target: ComplaintTarget | null = null;
  if (input.subject.kind === 'recipient') {
    const found = await currentCasesNamed(db, actor, villageCode, input.subject.name);
    if (found.length === 1 && found[0]) target = await complaintTarget(db, actor, found[0]);
  }
  const release = await takeDailySlot(db, citizen.idNumber, today);
  try {
    const made = await receiveComplaint(db, actor, {
      areaCode: villageCode, target, channel: 'online', viaPortal: true, anonymous: input.anonymous,
      complainant: complainantName ? { name: complainantName, phone: input.phone || contact?.phone || '', idNumber: citizen.idNumber } : null,
      subjectKind: input.subject.kind, subjectName: input.subject.kind === 'other' ? '' : input.subject.name,
      category: input.category, content: input.content, receivedOn: today,
    });
    return { complaintNo: made.complaintNo, anonymous: input.anonymous };
  } catch (err) {
    release();
    throw err;
  }
}

/** 我的举报: the citizen's named complaints, with the feedback meant for them and the conclusion once concluded. */
export async function citizenComplaints(db: Database, citizen: CitizenScope): Promise<z.infer<typeof citizenComplaintListSchema>> {
  const rows = await repo.complaintsOfComplainant(db.kysely, citizen.idNumber);
  const items = [];
  for (const c of rows) {
    const feedback = await repo.listFeedback(db.kysely, c.county_code, c.id);
    const concluded = c.status === 'concluded' || c.status === 'closed';
    items.push({
      complaintNo: c.complaint_no, receivedOn: c.received_on, categoryLabel: COMPLAINT_CATEGORY_LABELS[c.category], statusLabel: STATUS_LABELS[c.status] ?? c.status,
      subjectLabel: SUBJECT_LABELS[c.subject_kind] ?? '其他', subjectName: c.subject_name || null, content: c.content,
      feedback: feedback.map((f) => ({ date: f.on_date, content: f.content })),
      conclusionLabel: concluded && c.conclusion ? (CONCLUSION_LABELS[c.conclusion] ?? null) : null, concludedOn: concluded ? c.concluded_on : null,
    });
  }
  return { items };
}
