// What a restore and a copy check before they answer: the target holds the rows expected, table by table, and
// its audit chain verifies.
import type { Database } from '../db/engine.ts';
import { AppError } from '../kernel/errors.ts';
import { systemScope } from '../kernel/scope.ts';
import { verify } from '../modules/audit/index.ts';
import { countDifferences } from './tables.ts';

/** Refuses (restore_mismatch) a target whose counts differ from `expected` or whose audit chain is broken; `what` says after what and against what ("恢复后…与备份清单"). */
export async function confirmTarget(db: Database, expected: Record<string, number>, found: Record<string, number>, what: { after: string; against: string; actor: string }): Promise<void> {
  const differences = countDifferences(expected, found);
  if (differences.length > 0) throw new AppError('restore_mismatch', `${what.after}的行数与${what.against}不符：${differences.slice(0, 10).join('；')}`, 500, { differences });
  const chain = await verify(db, systemScope(what.actor));
  if (!chain.ok) throw new AppError('restore_mismatch', `${what.after}的审计链在第 ${chain.firstBrokenId} 条断开：${chain.reason}`, 500);
}
