import type { Command } from 'commander';
import { AppError } from '../../kernel/errors.ts';
import type { Scope } from '../../kernel/scope.ts';
import type { Database } from '../../db/engine.ts';
import { withDb } from './db.ts';

async function scopeFor(db: Database, as: string | undefined, field: string): Promise<Scope> {
  const [{ systemScope, userScope }, { findByUsername, toUser }] = await Promise.all([import('../../kernel/scope.ts'), import('../../modules/users/index.ts')]);
  if (!as) return systemScope('cli');
  const u = await findByUsername(db.kysely, as);
  if (!u || !u.active) throw AppError.field(field, `用户 ${as} 不存在或已停用`);
  return userScope(toUser(u));
}

const yuan = (fen: number) => (fen / 100).toFixed(2);
const STAGES = ['parameters', 'items', 'decisions'];

/** `jiuzhu cases rerate`: bulk re-rating (批量调标) of a county's recipients for an effective month. */
export function registerCases(program: Command): void {
  const cmd = program.command('cases').description('cases (案件)');
  cmd.command('rerate')
    .description('draft (and with --approve approve) the re-rating of every current recipient of a programme in a county from a month')
    .requiredOption('--county <code>', 'county code')
    .requiredOption('--programme <code>', 'dibao or hardship')
    .requiredOption('--month <YYYY-MM>', 'the effective month (parameters in force on its first day)')
    .option('--reason <text>', 'why (e.g. the parameter change)')
    .option('--as <username>', 'draft as this user (default: the system scope)')
    .option('--approve', 'approve the draft right away')
    .option('--approver <username>', 'approve as this user (must differ from the drafter; default: the system scope)')
    .action(async (o: { county: string; programme: string; month: string; reason?: string; as?: string; approve?: boolean; approver?: string }) => {
      const [{ parseOrThrow }, { approveRerate, draftRerate, newRerateSchema }, { syncParameterFiles }, { progressBar }] = await Promise.all([
        import('../../kernel/validate.ts'), import('../../modules/cases/index.ts'), import('../../modules/policy/index.ts'), import('../progress.ts'),
      ]);
      const input = parseOrThrow(newRerateSchema, { county: o.county, programme: o.programme, effectiveMonth: o.month, ...(o.reason ? { reason: o.reason } : {}) });
      await withDb(async (db) => {
        const bar = progressBar(`rerate ${input.county} ${input.programme} ${input.effectiveMonth}`, o.approve ? 3 : 2);
        const onProgress = (stage: string) => bar.update(STAGES.indexOf(stage));
        try {
          await syncParameterFiles(db);
          const d = await draftRerate(db, await scopeFor(db, o.as, 'as'), input, { onProgress });
          bar.update(2);
          console.log(`${d.batchNo} ${d.programmeLabel} ${d.effectiveMonth}: ${d.counts.items} recipients — ${d.counts.up} up, ${d.counts.down} down, ${d.counts.unchanged} unchanged, ${d.counts.review} to review; monthly ${yuan(d.totals.oldFen)} → ${yuan(d.totals.newFen)} yuan`);
          if (o.approve) {
            const a = await approveRerate(db, await scopeFor(db, o.approver, 'approver'), d.batchNo, {}, { onProgress });
            bar.update(3);
            console.log(`${a.batchNo}: ${a.statusLabel}, ${a.changed} entitlements changed from ${a.effectiveMonth}${a.stale ? `, ${a.stale} skipped (case changed since the draft)` : ''}`);
          }
        } finally {
          bar.stop();
        }
      });
    });
}
