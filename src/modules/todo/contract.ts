// The 待办 part of the API contract, shared with the web (GET /api/v1/me/todo): the signed-in user's work per kind,
// in their scope and by their permissions, and the oldest items past a deadline. Types: src/kernel/todo.ts.
import { z } from 'zod';
import { TODO_ITEM_KINDS, TODO_KINDS } from '../../kernel/todo.ts';

export const todoCard = z.object({
  kind: z.enum(TODO_KINDS),
  programme: z.string().nullable(),
  state: z.string().nullable(),
  label: z.string(),
  count: z.number(),
  overdue: z.number(),
  link: z.string(),
});
export type TodoCardView = z.infer<typeof todoCard>;

export const todoOverdueItem = z.object({
  kind: z.enum(TODO_ITEM_KINDS),
  ref: z.string(),
  label: z.string(),
  name: z.string(),
  areaCode: z.string(),
  /** The area's names from the prefecture down (州, 县, 乡镇, 村). */
  areaPath: z.array(z.string()),
  due: z.string(),
  daysOverdue: z.number(),
  link: z.string(),
});
export type TodoOverdueView = z.infer<typeof todoOverdueItem>;

export const todoResult = z.object({
  /** The day deadlines are judged on (today, China time). */
  asOf: z.string(),
  /** A card per kind of work the user may do (a count of 0 included); case cards per programme and state with work. */
  cards: z.array(todoCard),
  /** The oldest overdue items of every kind, at most `OVERDUE_SHOWN`. */
  overdue: z.array(todoOverdueItem),
  overdueTotal: z.number(),
});
export type TodoResult = z.infer<typeof todoResult>;

export const OVERDUE_SHOWN = 20;
