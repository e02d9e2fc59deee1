// Response shape of an event's figures (救助统计): relief decided by kind, houses rebuilt and repaired, the
// damage register by grade and status, goods issued per item — within the caller's subtree.
import { z } from 'zod';
import { BATCH_KINDS } from '../batch-codes.ts';
import { DAMAGE_STATUSES, GOODS_ITEMS, HOUSE_GRADES } from '../codes.ts';

const tally = z.object({ households: z.number(), persons: z.number() });

export const eventFigures = z.object({
  eventNo: z.string(),
  name: z.string(),
  countyName: z.string(),
  startedOn: z.string(),
  /** Per kind of relief the event's batches give (冬春 goes by season, not by event): decided members only. */
  relief: z.array(z.object({ kind: z.enum(BATCH_KINDS), kindLabel: z.string(), batches: z.number(), households: z.number(), persons: z.number(), amountFen: z.number() })),
  /** Over every kind: households (each once), persons (人次: each kind counts its persons) and the amount. */
  total: z.object({ households: z.number(), persons: z.number(), amountFen: z.number() }),
  /** Housing relief decided by the damage grade of its claim: 倒房重建 (collapsed), 损房维修 (serious or general). */
  houses: z.object({ rebuilt: z.number(), rebuiltFen: z.number(), repaired: z.number(), repairedFen: z.number() }),
  /** The damage register: live entries by grade, every entry by status. */
  damage: z.object({
    byGrade: z.array(tally.extend({ grade: z.enum(HOUSE_GRADES), gradeLabel: z.string() })),
    byStatus: z.array(tally.extend({ status: z.enum(DAMAGE_STATUSES), statusLabel: z.string() })),
    directLossFen: z.number(),
  }),
  goods: z.array(z.object({ item: z.enum(GOODS_ITEMS), itemLabel: z.string(), unit: z.string(), quantity: z.number(), households: z.number() })),
});
