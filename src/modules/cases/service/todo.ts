// The cases' part of 待办 (src/kernel/todo.ts): the caller's inbox counted per programme and state (one grouped
// query, the inbox's own filter) and its cases past a deadline, oldest first.
import type { Database } from '../../../db/engine.ts';
import { mayAct } from '../../../kernel/permissions.ts';
import type { Scope } from '../../../kernel/scope.ts';
import { daysLate, NO_TODO, type TodoPart } from '../../../kernel/todo.ts';
import { programmeOf } from '../../../programmes/registry.ts';
import { stateLabel } from '../../../workflow/definition.ts';
import * as repo from '../repo/cases.ts';
import { inboxLimits, inboxStates } from './inbox.ts';

/** A state's name in a programme (the first rule set that has it). */
function labelOf(programme: string, state: string): string {
  const p = programmeOf(programme);
  const def = Object.values(p.workflows).find((d) => d.states[state] !== undefined);
  return `${p.labels['zh-CN'].short} · ${def ? stateLabel(def, state) : state}`;
}

export async function caseTodo(db: Database, scope: Scope, today: string, limit: number): Promise<TodoPart> {
  if (scope.role === 'system' || !mayAct(scope, 'cases.read')) return NO_TODO;
  const states = inboxStates(scope.role);
  if (states.length === 0) return NO_TODO;
  const filter = { states, today };
  const [counts, late, lateTotal] = await Promise.all([
    repo.countByState(db.kysely, scope, filter),
    repo.listCases(db.kysely, scope, { ...filter, overdue: true, limit }),
    repo.countCases(db.kysely, scope, { ...filter, overdue: true }, inboxLimits.countCap),
  ]);
  return {
    cards: counts.map((c) => ({
      kind: 'case_state', programme: c.programme, state: c.state, label: labelOf(c.programme, c.state), count: c.n, overdue: c.late,
      link: `/cases?${new URLSearchParams({ programme: c.programme, state: c.state }).toString()}`,
    })),
    overdue: late.map((c) => ({
      kind: 'case', ref: c.case_no, label: labelOf(c.programme, c.state), name: c.applicant_name, areaCode: c.area_code,
      due: c.due_key, daysOverdue: daysLate(c.due_key, today), link: `/cases/${c.case_no}`,
    })),
    overdueTotal: lateTotal,
  };
}
