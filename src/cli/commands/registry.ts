import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { systemScope, userScope, type Scope } from '../../kernel/scope.ts';
import { AppError } from '../../kernel/errors.ts';
import { importHouseholds, importReport, type ImportPhase } from '../../modules/registry/index.ts';
import { loadDemoHouseholds } from '../../modules/registry/index.ts';
import { findByUsername } from '../../modules/users/index.ts';
import { toUser } from '../../modules/users/index.ts';
import { progressBar, type Progress } from '../progress.ts';
import { withDb } from './db.ts';

const PHASE_LABEL: Record<ImportPhase, string> = { read: 'read', validate: 'validate', load: 'load' };

export function registerRegistry(program: Command): void {
  program
    .command('import')
    .description('bulk imports')
    .command('households <file>')
    .description('import households from .xlsx or .csv (the template of GET /api/v1/registry/template.xlsx); all-or-nothing unless --partial')
    .option('--partial', 'import the households whose rows are all valid, skip the others')
    .option('--as <username>', 'import as this user, within their area (default: the system scope, every area)')
    .option('--format <format>', 'xlsx | csv (default: from the file extension)')
    .action(async (file: string, o: { partial?: boolean; as?: string; format?: string }) => {
      const format = (o.format ?? (path.extname(file).toLowerCase() === '.csv' ? 'csv' : 'xlsx')) as 'xlsx' | 'csv';
      if (format !== 'xlsx' && format !== 'csv') throw AppError.field('format', '应为 xlsx 或 csv');
      const body = fs.readFileSync(file);
      const bars = new Map<ImportPhase, Progress>();
      const r = await withDb(async (db) => {
        let scope: Scope = systemScope('cli');
        if (o.as) {
          const u = await findByUsername(db.kysely, o.as);
          if (!u || !u.active) throw AppError.field('as', `用户 ${o.as} 不存在或已停用`);
          scope = userScope(toUser(u));
        }
        try {
          const result = await importHouseholds(db, scope, body, {
            format, partial: o.partial === true, fileName: path.basename(file),
            onProgress: (phase, done, total) => {
              if (phase === 'read') return;
              let bar = bars.get(phase);
              if (!bar) {
                for (const b of bars.values()) b.stop();
                bar = progressBar(PHASE_LABEL[phase], total);
                bars.set(phase, bar);
              }
              bar.update(done, total);
            },
          });
          for (const b of bars.values()) b.stop();
          if (result.errorCount > 0) {
            const report = path.join(path.dirname(file), `${path.basename(file, path.extname(file))}.errors.xlsx`);
            fs.writeFileSync(report, await importReport(db, scope, result.reportId));
            return { result, report };
          }
          return { result, report: null };
        } finally {
          for (const b of bars.values()) b.stop();
        }
      });
      const { result, report } = r;
      console.log(`imported: ${result.imported.households} households, ${result.imported.members} members; rejected: ${result.rejected.households} households (${result.rejected.rows} rows); errors: ${result.errorCount}`);
      if (report) {
        for (const e of result.errors.slice(0, 10)) console.error(`  row ${e.row}, ${e.column}: ${e.message}`);
        if (result.errorCount > 10) console.error(`  … ${result.errorCount - 10} more`);
        console.error(`error report: ${report}`);
      }
      if (!result.ok) {
        console.error('nothing imported (all-or-nothing); fix the rows above or use --partial');
        process.exitCode = 1;
      }
    });

  program
    .command('demo')
    .description('load deterministic demo households for the loaded prefecture (a seed already loaded is skipped)')
    .option('--households <n>', 'number of households', '3000')
    .option('--seed <seed>', 'seed of the generator', 'demo')
    .option('--prefecture <code>', 'prefecture (default: the first loaded)')
    .action(async (o: { households: string; seed: string; prefecture?: string }) => {
      const n = Number(o.households);
      if (!Number.isInteger(n) || n < 0) throw AppError.field('households', '应为非负整数');
      const r = await withDb(async (db) => {
        let bar: Progress | null = null;
        try {
          return await loadDemoHouseholds(db, systemScope('demo'), {
            households: n, seed: o.seed, ...(o.prefecture ? { prefecture: o.prefecture } : {}),
            onProgress: (done, total) => {
              bar ??= progressBar('demo', total);
              bar.update(done, total);
            },
          });
        } finally {
          (bar as Progress | null)?.stop();
        }
      });
      if (r.status === 'skipped') console.log(`demo seed "${r.seed}" already loaded (${r.households} households, ${r.members} members): skipped, nothing changed`);
      else console.log(`demo seed "${r.seed}": ${r.households} households, ${r.members} members loaded${r.skipped > 0 ? `; ${r.skipped} households skipped (a member already registered)` : ''}`);
    });
}
