import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { AppError } from '../../kernel/errors.ts';
import type { CaseloadPhase } from '../../modules/caseload/index.ts';
import type { Progress } from '../progress.ts';
import { withDb } from './db.ts';

const yuan = (fen: number) => (fen / 100).toFixed(2);
const SHOWN = 20;

/** `jiuzhu import caseload FILE`: a previous system's 低保/特困 caseload (存量对象导入), all or nothing. */
export function registerCaseload(program: Command): void {
  const imports = program.commands.find((c) => c.name() === 'import') ?? program.command('import').description('bulk imports');
  imports
    .command('caseload <file>')
    .description('import the 低保/特困 recipients of a previous system (.xlsx or .csv; template: GET /api/v1/cases/import/caseload/template.xlsx) as approved cases; any bad row: nothing imported, errors by row and an error report beside the file')
    .option('--county <code>', 'the county imported into (default: every county; each household must be registered there)')
    .option('--dry-run', 'check only: list errors and warnings, write nothing')
    .option('--first-month <YYYY-MM>', 'first month Jiuzhu pays (default: this month); the previous system paid the months before')
    .option('--format <format>', 'xlsx | csv (default: from the file extension)')
    .action(async (file: string, o: { county?: string; dryRun?: boolean; firstMonth?: string; format?: string }) => {
      const format = (o.format ?? (path.extname(file).toLowerCase() === '.csv' ? 'csv' : 'xlsx')) as 'xlsx' | 'csv';
      if (format !== 'xlsx' && format !== 'csv') throw AppError.field('format', '应为 xlsx 或 csv');
      if (o.firstMonth !== undefined && !/^\d{4}-(0[1-9]|1[0-2])$/.test(o.firstMonth)) throw AppError.field('first-month', '月份应为 YYYY-MM');
      const [{ systemScope }, { caseloadReport, importCaseload }, { progressBar }] = await Promise.all([
        import('../../kernel/scope.ts'), import('../../modules/caseload/index.ts'), import('../progress.ts'),
      ]);
      const body = fs.readFileSync(file);
      const scope = systemScope('cli');
      const opts = { countyCode: o.county, format, fileName: path.basename(file), dryRun: o.dryRun === true, firstMonth: o.firstMonth };
      await withDb(async (db) => {
        let bar: Progress | undefined;
        let current: CaseloadPhase | undefined;
        try {
          const r = await importCaseload(db, scope, body, {
            ...opts,
            onProgress: (phase, done, total) => {
              if (phase !== current) {
                bar?.stop();
                bar = progressBar(phase, total);
                current = phase;
              }
              bar?.update(done, total);
            },
          });
          bar?.stop();
          for (const w of r.warnings.slice(0, SHOWN)) console.log(`  warning row ${w.row} (${w.householdNo}): ${w.message}`);
          if (r.warningCount > SHOWN) console.log(`  … ${r.warningCount - SHOWN} more warnings`);
          const what = `${r.imported.dibao} 低保 households, ${r.imported.hardship} 特困 persons (${r.imported.closed} of them closed history cases), ${yuan(r.imported.amountFen)} yuan a month for those in payment; ${r.warningCount} amount warnings`;
          console.log(r.dryRun ? `dry run, nothing written: ${r.rows} rows would import ${what}` : `imported ${r.rows} rows: ${what}; paid from ${r.firstMonth}`);
        } catch (e) {
          bar?.stop();
          if (!(e instanceof AppError) || e.code !== 'caseload_rejected') throw e;
          const errors = (e.details?.errors ?? []) as { row: number; column: string; message: string }[];
          for (const x of errors.slice(0, SHOWN)) console.error(`  row ${x.row}, ${x.column}: ${x.message}`);
          const count = Number(e.details?.errorCount ?? errors.length);
          if (count > SHOWN) console.error(`  … ${count - SHOWN} more errors`);
          const report = path.join(path.dirname(file), `${path.basename(file, path.extname(file))}.report.xlsx`);
          fs.writeFileSync(report, await caseloadReport(db, scope, body, opts));
          console.error(`${e.message}\nreport: ${report}`);
          process.exitCode = 1;
        }
      });
    });
}
