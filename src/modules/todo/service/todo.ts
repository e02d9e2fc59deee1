// 待办: each module's part for the caller (cases, intake, complaints, payroll, 政策找人), gathered; overdue items
// merged oldest first and capped, each named by its area's full path.
import type { Database } from '../../../db/engine.ts';
import { todayInChina } from '../../../kernel/clock.ts';
import type { Scope } from '../../../kernel/scope.ts';
import { areaPaths } from '../../areas/index.ts';
import { caseTodo } from '../../cases/index.ts';
import { intakeTodo } from '../../intake/index.ts';
import { complaintTodo } from '../../oversight/index.ts';
import { outreachTodo } from '../../outreach/index.ts';
import { payrollTodo } from '../../payroll/index.ts';
import { OVERDUE_SHOWN, type TodoResult } from '../contract.ts';

export async function myTodo(db: Database, scope: Scope): Promise<TodoResult> {
  const today = todayInChina();
  const parts = await Promise.all([
    caseTodo(db, scope, today, OVERDUE_SHOWN),
    intakeTodo(db, scope, today, OVERDUE_SHOWN),
    complaintTodo(db, scope),
    payrollTodo(db, scope),
    outreachTodo(db, scope, today, OVERDUE_SHOWN),
  ]);
  const late = parts.flatMap((p) => p.overdue).sort((a, b) => a.due.localeCompare(b.due) || a.ref.localeCompare(b.ref)).slice(0, OVERDUE_SHOWN);
  const paths = await areaPaths(db.kysely, late.map((i) => i.areaCode));
  return {
    asOf: today,
    cards: parts.flatMap((p) => p.cards),
    overdue: late.map((i) => ({ ...i, areaPath: paths.get(i.areaCode) ?? [] })),
    overdueTotal: parts.reduce((n, p) => n + p.overdueTotal, 0),
  };
}
