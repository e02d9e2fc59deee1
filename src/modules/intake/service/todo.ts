// The intake's part of 待办 (src/kernel/todo.ts): a partner department's open referrals and those past their
// working-day limit (oldest first); the window's requests waiting for the household to be registered.
import type { Database } from '../../../db/engine.ts';
import { mayAct } from '../../../kernel/permissions.ts';
import type { Scope } from '../../../kernel/scope.ts';
import { daysLate, NO_TODO, type TodoCard, type TodoPart } from '../../../kernel/todo.ts';
import * as repo from '../repo.ts';
import { needLabel } from './case-parts.ts';

export async function intakeTodo(db: Database, scope: Scope, today: string, limit: number): Promise<TodoPart> {
  const partner = mayAct(scope, 'intake.handle');
  const window = mayAct(scope, 'intake.write');
  if (scope.role === 'system' || (!partner && !window)) return NO_TODO;
  const counts = await repo.todoCounts(db.kysely, scope, today);
  const cards: TodoCard[] = [];
  if (partner) cards.push({ kind: 'referrals', programme: null, state: null, label: '待办转办事项', count: counts.referrals, overdue: counts.referrals_late, link: '/intake/referrals' });
  if (window) cards.push({ kind: 'pending_registration', programme: null, state: null, label: '待登记立案', count: counts.pending, overdue: 0, link: '/intake' });
  if (!partner) return { cards, overdue: [], overdueTotal: 0 };
  const late = await repo.overdueParts(db.kysely, scope, { asOf: today, limit });
  return {
    cards,
    overdue: late.flatMap((p) => (p.due_date === null ? [] : [{
      kind: 'referral' as const, ref: p.request_no, label: needLabel(p.kind, p.need), name: p.person_name, areaCode: p.area_code,
      due: p.due_date, daysOverdue: daysLate(p.due_date, today), link: `/intake/referrals/${p.id}`,
    }])),
    overdueTotal: counts.referrals_late,
  };
}
