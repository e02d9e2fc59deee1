import fs from 'node:fs';
import type { Command } from 'commander';
import { withDb } from './db.ts';

const load = async () => {
  const [scope, validate, policy, stats] = await Promise.all([
    import('../../kernel/scope.ts'), import('../../kernel/validate.ts'), import('../../modules/policy/index.ts'), import('../../modules/stats/index.ts'),
    // The modules that add sections to the annual report (and the placements' part of the institution
    // figures it reads) register them at import, as the server's app does.
    import('../../modules/institutions/index.ts'),
    import('../../modules/placements/index.ts'),
    import('../../modules/relief-station/index.ts'),
    import('../../modules/volunteers/index.ts'),
    import('../../modules/wishes/index.ts'),
    import('../../modules/left-behind/index.ts'),
    import('../../modules/purchased-services/index.ts'),
    import('../../modules/funds/index.ts'),
  ]);
  return { ...scope, ...validate, ...policy, ...stats };
};

/** `jiuzhu report …`: the annual work report and statistical tables. */
export function registerReport(program: Command): void {
  const cmd = program.command('report').description('statistics and the annual work report');

  cmd.command('annual')
    .description('the annual social-assistance work summary (.docx), generated from the data')
    .requiredOption('--year <YYYY>', 'the year reported')
    .option('--area <code>', 'prefecture, county or township code', '522700')
    .requiredOption('--out <file.docx>', 'where to write the document')
    .action(async (o: { year: string; area: string; out: string }) => {
      const { parseOrThrow, reportSchema, syncParameterFiles, annualReport, systemScope } = await load();
      const input = parseOrThrow(reportSchema, { year: o.year, area: o.area }, '');
      // The standards come from the parameter files, loaded as `serve` loads them.
      const r = await withDb(async (db) => {
        await syncParameterFiles(db);
        return annualReport(db, systemScope('cli'), input);
      });
      fs.writeFileSync(o.out, r.buffer);
      console.log(`${o.out}: ${r.filename} — ${r.counts}, ${r.buffer.length} bytes`);
    });

  cmd.command('tables')
    .description('the statistical tables (.xlsx): a sheet per table, a row per county, a totals row')
    .requiredOption('--year <YYYY>', 'the year reported')
    .option('--area <code>', 'prefecture, county or township code', '522700')
    .requiredOption('--out <file.xlsx>', 'where to write the workbook')
    .action(async (o: { year: string; area: string; out: string }) => {
      const { parseOrThrow, reportSchema, statisticalTables, systemScope } = await load();
      const input = parseOrThrow(reportSchema, { year: o.year, area: o.area }, '');
      const r = await withDb((db) => statisticalTables(db, systemScope('cli'), input));
      fs.writeFileSync(o.out, r.buffer);
      console.log(`${o.out}: ${r.filename}, ${r.buffer.length} bytes`);
    });

  cmd.command('refresh')
    .description('recompute the statistics roll-up of every area (normally only changed areas are refreshed, on read)')
    .action(async () => {
      const { refreshAll, currentAssessment } = await load();
      const r = await withDb(async (db) => refreshAll(db.kysely, await currentAssessment(db)));
      console.log(`stats roll-up: ${r.rows} rows`);
    });
}
