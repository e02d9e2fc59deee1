// 待办 (the home page's work list): what a module reports for the signed-in user — counts per kind of work,
// each with the list it opens, and the items past their deadline (oldest first). Each module that has such
// work fills a `TodoPart` (its `…Todo` function, set-based, in the caller's scope and permissions); the todo
// module (GET /api/v1/me/todo) gathers them and names each item's area by its full path.

export const TODO_KINDS = ['case_state', 'pending_registration', 'referrals', 'complaints', 'payroll_approval', 'outreach_tasks'] as const;
export type TodoKind = (typeof TODO_KINDS)[number];

export const TODO_ITEM_KINDS = ['case', 'referral', 'outreach_task'] as const;
export type TodoItemKind = (typeof TODO_ITEM_KINDS)[number];

/** A count of one kind of work (a case card: of one programme in one state) and the page that lists it. */
export interface TodoCard {
  kind: TodoKind;
  programme: string | null;
  state: string | null;
  /** Chinese name of the work (a case card: 项目 · 状态). */
  label: string;
  count: number;
  /** Of them past a deadline. */
  overdue: number;
  /** The filtered list (a path of the staff UI). */
  link: string;
}

/** An item past its deadline: what, whose, where, due when, how many days late. */
export interface TodoOverdueItem {
  kind: TodoItemKind;
  /** Case number, request number or household number. */
  ref: string;
  /** Chinese name of the step or need. */
  label: string;
  name: string;
  areaCode: string;
  due: string;
  daysOverdue: number;
  link: string;
}

export interface TodoPart {
  cards: TodoCard[];
  /** The oldest overdue items, at most the limit asked. */
  overdue: TodoOverdueItem[];
  /** How many overdue items there are in all. */
  overdueTotal: number;
}

export const NO_TODO: TodoPart = { cards: [], overdue: [], overdueTotal: 0 };

/** Whole days from `due` to `today` (ISO dates). */
export function daysLate(due: string, today: string): number {
  return Math.round((Date.parse(`${today}T00:00:00Z`) - Date.parse(`${due}T00:00:00Z`)) / 86_400_000);
}
