// The payroll's part of 待办 (src/kernel/todo.ts): payrolls generated and waiting for the county's approval.
import type { Database } from '../../../db/engine.ts';
import { mayAct } from '../../../kernel/permissions.ts';
import type { Scope } from '../../../kernel/scope.ts';
import { NO_TODO, type TodoPart } from '../../../kernel/todo.ts';
import { draftCount } from '../repo/payrolls.ts';

export async function payrollTodo(db: Database, scope: Scope): Promise<TodoPart> {
  if (scope.role === 'system' || !mayAct(scope, 'payroll.approve')) return NO_TODO;
  const count = await draftCount(db.kysely, scope);
  return { cards: [{ kind: 'payroll_approval', programme: null, state: null, label: '待审批发放名册', count, overdue: 0, link: '/payroll' }], overdue: [], overdueTotal: 0 };
}
