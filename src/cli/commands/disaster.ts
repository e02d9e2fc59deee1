import type { Command } from 'commander';
import { withDb } from './db.ts';

const yuan = (fen: number) => (fen / 100).toFixed(2);

/** `jiuzhu disaster …`: the decision of an approved relief batch (救助批次), in chunks, resumable. */
export function registerDisaster(program: Command): void {
  const cmd = program.command('disaster').description('disaster relief (受灾人员救助)');
  cmd.command('decide')
    .description('decide an approved relief batch: one granted case, decision and one-off entitlement per household, in chunks; a rerun continues where a stopped run left off')
    .argument('<batchNo>', 'the batch number (ZP…)')
    .option('--date <YYYY-MM-DD>', 'the decision date (default today)')
    .option('--chunk <n>', 'households per committed chunk', '20000')
    .action(async (batchNo: string, o: { date?: string; chunk: string }) => {
      const [{ systemScope }, { parseOrThrow }, { decideBatch, decideSchema }, { progressBar }] = await Promise.all([
        import('../../kernel/scope.ts'), import('../../kernel/validate.ts'), import('../../modules/disaster/index.ts'), import('../progress.ts'),
      ]);
      const input = parseOrThrow(decideSchema, { ...(o.date ? { date: o.date } : {}) });
      const r = await withDb(async (db) => {
        const bar = progressBar(`batch ${batchNo}`, 1);
        try {
          return await decideBatch(db, systemScope('cli'), batchNo, input, { chunkSize: Math.max(1, Number(o.chunk) || 20_000), onProgress: (done, total) => bar.update(done, total) });
        } finally {
          bar.stop();
        }
      });
      console.log(`${r.batchNo} ${r.kindLabel}: ${r.statusLabel}, ${r.decidedNow} households decided now, ${r.households} households, ${r.persons} persons, ${yuan(r.amountFen)} yuan`);
    });
}
