// 政策找人's part of 待办 (src/kernel/todo.ts): visits still to record in scope and those past their due day, oldest first.
import { sql, type SqlBool } from 'kysely';
import type { Database } from '../../../db/engine.ts';
import { mayAct } from '../../../kernel/permissions.ts';
import { inScope, type Scope } from '../../../kernel/scope.ts';
import { daysLate, NO_TODO, type TodoPart } from '../../../kernel/todo.ts';
import { KIND_LABELS } from '../labels.ts';
import { openCounts, taskPage } from '../repo/tasks.ts';

export async function outreachTodo(db: Database, scope: Scope, today: string, limit: number): Promise<TodoPart> {
  if (scope.role === 'system' || !mayAct(scope, 'outreach.record')) return NO_TODO;
  const where = [inScope(scope, 'o.area_code')];
  const [counts, late] = await Promise.all([
    openCounts(db.kysely, where, today),
    taskPage(db.kysely, [...where, sql<SqlBool>`o.due_on < ${today}`], { status: 'open', offset: 0, limit }),
  ]);
  return {
    cards: [{ kind: 'outreach_tasks', programme: null, state: null, label: '政策找人待走访', count: counts.open, overdue: counts.late, link: '/outreach' }],
    overdue: late.rows.map((t) => ({
      kind: 'outreach_task', ref: t.household_no, label: KIND_LABELS[t.kind], name: t.head_name ?? '', areaCode: t.area_code,
      due: t.due_on, daysOverdue: daysLate(t.due_on, today), link: '/outreach',
    })),
    overdueTotal: counts.late,
  };
}
