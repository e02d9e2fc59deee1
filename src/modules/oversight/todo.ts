// The complaints' part of 待办 (src/kernel/todo.ts): complaints in scope not yet closed, for those who investigate them.
import type { Database } from '../../db/engine.ts';
import { mayAct } from '../../kernel/permissions.ts';
import type { Scope } from '../../kernel/scope.ts';
import { NO_TODO, type TodoPart } from '../../kernel/todo.ts';
import { openComplaintCount } from './repo.ts';

export async function complaintTodo(db: Database, scope: Scope): Promise<TodoPart> {
  if (scope.role === 'system' || !mayAct(scope, 'complaints.write')) return NO_TODO;
  const count = await openComplaintCount(db.kysely, scope);
  return { cards: [{ kind: 'complaints', programme: null, state: null, label: '未办结举报', count, overdue: 0, link: '/intake/complaints' }], overdue: [], overdueTotal: 0 };
}
