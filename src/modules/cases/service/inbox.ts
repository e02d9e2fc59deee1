// 我的待办 and 超期案件: the filters (programme, state, village, overdue, name or ID), the keyset page and
// the total (counted set-based, capped), shared by the lists and their Excel export.
import { z } from 'zod';
import type { Database } from '../../../db/engine.ts';
import type { Grantee } from '../../../kernel/permissions.ts';
import { requireAreaField, type Scope } from '../../../kernel/scope.ts';
import { areaCode, decimalInt } from '../../../kernel/types.ts';
import { todayInChina } from '../../../kernel/clock.ts';
import { AppError } from '../../../kernel/errors.ts';
import { allWorkflows, CASE_NO_PATTERN, isProgramme, programmeOf } from '../../../programmes/registry.ts';
import { actionsFrom, stateLabel } from '../../../workflow/definition.ts';
import { allow } from '../permissions.ts';
import * as repo from '../repo/cases.ts';
import { isOverdue } from './cases.ts';
import { definitionOf } from './engine.ts';

/** The total is exact up to `countCap`; beyond it the answer says "more than" (a test lowers the caps). */
export const inboxLimits = { countCap: 10_000, exportMax: 50_000 };

const knownState = (s: string) => allWorkflows().some((d) => d.states[s] !== undefined);

export const inboxFilterSchema = z.strictObject({
  area: areaCode.optional(),
  programme: z.string().refine(isProgramme, '未知的救助项目').optional(),
  state: z.string().max(40).refine(knownState, '未知的案件状态').optional(),
  /** A village (村/社区) in the caller's scope. */
  village: z.string().regex(/^\d{12}$/, '村（社区）代码应为12位数字').optional(),
  /** true: only cases past a deadline; false: only cases within every deadline. */
  overdue: z.enum(['true', 'false'], { message: '应为 true 或 false' }).transform((v) => v === 'true').optional(),
  /** The applicant's name (prefix), ID number or the case number (exact). */
  q: z.string().trim().min(1, '请输入姓名、身份证号码或案件编号').max(50, '检索内容最多50个字符').optional(),
});
export type InboxFilters = z.output<typeof inboxFilterSchema>;

export const listQuerySchema = inboxFilterSchema.extend({
  limit: decimalInt(1, 200).default(50),
  after: z.string().regex(/^\d{4}-\d{2}-\d{2}:\d+$/, '游标格式应为 日期:编号').optional(),
});
export type ListQuery = z.output<typeof listQuerySchema>;

/**
 * (programme, rule set, state, review-due-only) combinations in which `role` has an inbox action:
 * the inbox query filters cases by these.
 */
export function inboxStates(role: Grantee) {
  const out: repo.CaseListFilter['states'] & object = [];
  for (const def of allWorkflows()) {
    for (const state of Object.keys(def.states)) {
      const mine = actionsFrom(def, state).filter(([, a]) => a.roles.includes(role) && a.inbox !== 'never');
      if (mine.length === 0) continue;
      out.push({ programme: def.programme, ruleSet: def.ruleSet, state, reviewDue: mine.every(([, a]) => a.inbox === 'review_due') });
    }
  }
  return out;
}

export type ListMode = 'inbox' | 'overdue';

/** The repository filter of a list: checked against the caller's scope (400 naming the field). */
export async function caseFilter(db: Database, scope: Scope, f: InboxFilters, mode: ListMode, today: string): Promise<Omit<repo.CaseListFilter, 'limit' | 'after'>> {
  const state = f.state;
  if (state && f.programme) {
    const p = programmeOf(f.programme);
    if (!Object.values(p.workflows).some((d) => d.states[state] !== undefined)) throw AppError.field('state', `${p.labels['zh-CN'].name}没有该案件状态`);
  }
  if (f.village) {
    const exists = await db.kysely.selectFrom('areas').select('code').where('code', '=', f.village).where('level', '=', 'village').executeTakeFirst();
    requireAreaField(scope, 'village', f.village, exists !== undefined);
  }
  const role = scope.role === 'system' ? null : scope.role;
  const q = f.q;
  const search = q === undefined ? undefined
    : /^\d{17}[\dXx]$/.test(q) ? { idNumber: q.toUpperCase() }
    : CASE_NO_PATTERN.test(q) ? { caseNo: q }
    : { name: q };
  // A village outside the area filter: nothing matches both.
  const disjoint = f.village !== undefined && f.area !== undefined && !f.village.startsWith(f.area);
  return {
    states: disjoint ? [] : mode === 'inbox' ? (role ? inboxStates(role) : []) : undefined,
    overdue: mode === 'overdue' ? true : f.overdue,
    today,
    area: f.village ?? f.area,
    programme: f.programme,
    state,
    search,
  };
}

export function listItem(c: repo.CaseRow & { village_name: string }, role: Grantee | null, today: string) {
  const { def } = definitionOf(c);
  const mine = actionsFrom(def, c.state).filter(([, a]) => role !== null && a.roles.includes(role) && a.inbox !== 'never');
  return {
    caseNo: c.case_no, programme: c.programme, ruleSet: c.rule_set, state: c.state, stateLabel: stateLabel(def, c.state),
    applicantName: c.applicant_name, areaCode: c.area_code, villageName: c.village_name, appliedOn: c.applied_on,
    dueDate: c.due_date, finalDueDate: c.final_due_date, reviewDue: c.review_due, overdue: isOverdue(c, today), flags: c.flags,
    actions: mine.map(([name, a]) => ({ action: name, label: a.label })),
  };
}

async function list(db: Database, scope: Scope, q: ListQuery, mode: ListMode) {
  allow(scope, 'cases.read');
  const today = todayInChina();
  const filter = await caseFilter(db, scope, q, mode, today);
  const after = q.after ? { due: q.after.slice(0, 10), id: Number(q.after.slice(11)) } : undefined;
  const cap = inboxLimits.countCap;
  const [rows, counted] = await Promise.all([
    repo.listCases(db.kysely, scope, { ...filter, limit: q.limit, after }),
    repo.countCases(db.kysely, scope, filter, cap),
  ]);
  const role = scope.role === 'system' ? null : scope.role;
  const last = rows.at(-1);
  return {
    items: rows.map((c) => listItem(c, role, today)),
    next: rows.length === q.limit && last ? `${last.due_key}:${last.id}` : null,
    total: Math.min(counted, cap),
    totalCapped: counted > cap,
  };
}

export const inbox = (db: Database, scope: Scope, q: ListQuery) => list(db, scope, q, 'inbox');
export const overdue = (db: Database, scope: Scope, q: ListQuery) => list(db, scope, q, 'overdue');
