// Referrals (转办 / 分办) as the partner departments handle them: a partner user sees only what was
// referred to their department in their area; they accept it, record what they do and return a result
// with an outcome, which closes the part. The window (and its supervisors) see every referral in scope.
import type { z } from 'zod';
import type { Database } from '../../../db/engine.ts';
import { type Scope } from '../../../kernel/scope.ts';
import { allow } from '../permissions.ts';
import { write } from '../../../db/write.ts';
import { AppError } from '../../../kernel/errors.ts';
import { maskIdNumber } from '../../../kernel/mask.ts';
import { appendAudit } from '../../../kernel/audit/append.ts';
import { todayInChina } from '../../../kernel/clock.ts';
import * as repo from '../repo.ts';
import { displayNames } from '../../users/index.ts';
import { partView } from './requests.ts';
import type { acceptSchema, actSchema, listReferralsSchema, resultSchema } from './schemas.ts';

async function mustFindReferral(db: Database, scope: Scope, id: number): Promise<repo.PartView> {
  const p = await repo.findPart(db.kysely, scope, id);
  if (p && p.kind === 'referral') return p;
  throw AppError.notFound('转办事项', String(id));
}

const boardItem = (p: repo.PartView, today: string) => ({ ...partView(p, today), personName: p.person_name, personIdNumber: maskIdNumber(p.person_id_number), personPhone: p.person_phone, areaCode: p.area_code, receivedOn: p.received_on });

export async function listReferrals(db: Database, scope: Scope, q: z.output<typeof listReferralsSchema>) {
  allow(scope, 'intake.referrals');
  const today = todayInChina();
  const rows = await repo.listReferrals(db.kysely, scope, { area: q.area, status: q.status, department: q.department, limit: q.limit, afterId: q.after });
  const last = rows.at(-1);
  return { items: rows.map((p) => boardItem(p, today)), next: rows.length === q.limit && last ? last.id : null };
}

/**
 * A referral with what the window recorded of the request: the person's situation (description) and the needs
 * assessment, so the partner department need not ask again. A partner's reading of it is audited (personal data
 * leaves civil affairs).
 */
export async function getReferral(db: Database, scope: Scope, id: number) {
  allow(scope, 'intake.referrals');
  const p = await mustFindReferral(db, scope, id);
  const [events, request] = await Promise.all([
    repo.listEvents(db.kysely, p.county_code, p.id),
    db.kysely.selectFrom('intake_requests').select(['description', 'assessment']).where('county_code', '=', p.county_code).where('id', '=', p.request_id).executeTakeFirstOrThrow(),
  ]);
  if (scope.kind === 'partner') {
    await db.kysely.transaction().execute((tx) => appendAudit(tx, scope, { action: 'intake.referral.view', entity: 'intake_part', entityId: String(p.id), areaCode: p.area_code, after: { requestNo: p.request_no, viewed: 'situation' } }));
  }
  const actors = await displayNames(db.kysely, events.map((e) => e.actor_name));
  const details = typeof p.details === 'string' ? JSON.parse(p.details) as unknown : p.details;
  const assessment = typeof request.assessment === 'string' ? JSON.parse(request.assessment) as unknown : request.assessment;
  return {
    ...boardItem(p, todayInChina()), details: details !== null && typeof details === 'object' ? details as Record<string, unknown> : null,
    description: request.description, assessment,
    events: events.map((e) => ({ action: e.action, date: e.on_date, at: e.at.toISOString(), actorName: e.actor_name, actorDisplayName: actors.get(e.actor_name) ?? null, note: e.note })),
  };
}

function stepDate(date: string | undefined, after: string): string {
  const today = todayInChina();
  const d = date ?? today;
  if (d > today) throw AppError.field('date', `办理日期 ${d} 不能晚于今天 ${today}`);
  if (d < after) throw AppError.field('date', `办理日期 ${d} 不能早于上一步的日期 ${after}`);
  return d;
}

type Step = { action: 'accept' | 'act' | 'close'; from: readonly string[]; label: string };
const STEPS: Record<Step['action'], Step> = {
  accept: { action: 'accept', from: ['referred'], label: '接收' },
  act: { action: 'act', from: ['accepted'], label: '记录办理情况' },
  close: { action: 'close', from: ['accepted'], label: '反馈办理结果' },
};
const STATUS_LABELS: Record<string, string> = { referred: '待接收', accepted: '办理中', closed: '已办结' };

async function step(db: Database, scope: Scope, id: number, s: Step, date: string | undefined, note: string, patch: (d: string) => Parameters<typeof repo.updatePart>[2]) {
  allow(scope, 'intake.handle');
  const p = await mustFindReferral(db, scope, id);
  if (!s.from.includes(p.status)) throw AppError.conflict('invalid_transition', `转办事项当前为「${STATUS_LABELS[p.status] ?? p.status}」，不能${s.label}`, { status: p.status, action: s.action });
  const d = stepDate(date, p.accepted_on ?? p.referred_on);
  return write(db, scope, async (tx) => {
    const locked = await repo.lockPart(tx, p.county_code, p.id);
    if (locked.version !== p.version) throw AppError.conflict('referral_changed', '转办事项已被他人更新，请刷新后重试');
    const change = patch(d);
    await repo.updatePart(tx, locked, change);
    await repo.insertEvent(tx, scope, { countyCode: p.county_code, partId: p.id, action: s.action, onDate: d, note });
    await appendAudit(tx, scope, { action: `intake.referral.${s.action}`, entity: 'intake_part', entityId: String(p.id), areaCode: p.area_code, before: { status: p.status }, after: { ...change, date: d, note } });
    return { id: p.id, requestNo: p.request_no, status: change.status ?? p.status, date: d };
  });
}

export const acceptReferral = (db: Database, scope: Scope, id: number, input: z.output<typeof acceptSchema>) =>
  step(db, scope, id, STEPS.accept, input.date, input.note, (d) => ({ status: 'accepted', accepted_on: d, accepted_by: scope.userName }));

export const recordAction = (db: Database, scope: Scope, id: number, input: z.output<typeof actSchema>) =>
  step(db, scope, id, STEPS.act, input.date, input.note, () => ({}));

export const returnResult = (db: Database, scope: Scope, id: number, input: z.output<typeof resultSchema>) =>
  step(db, scope, id, STEPS.close, input.date, input.result, (d) => ({ status: 'closed', closed_on: d, outcome: input.outcome, result: input.result }));
