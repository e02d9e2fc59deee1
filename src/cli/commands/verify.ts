import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { AppError } from '../../kernel/errors.ts';
import { withDb } from './db.ts';

const verification = () => import('../../modules/verification/index.ts');
const systemScope = async (actor: string) => (await import('../../kernel/scope.ts')).systemScope(actor);

const formatOf = (file: string, given?: string): 'xlsx' | 'csv' => {
  const f = given ?? (path.extname(file).toLowerCase() === '.csv' ? 'csv' : 'xlsx');
  if (f !== 'xlsx' && f !== 'csv') throw AppError.field('format', '应为 xlsx 或 csv');
  return f;
};

/** `jiuzhu verify …`: partner data snapshots, verification requests, rescreen. */
export function registerVerify(program: Command): void {
  const verify = program.command('verify').description('economic status verification (家庭经济状况核对)');

  verify.command('sources').description('list the partner data sources and their template columns').action(async () => {
    const { listSources } = await verification();
    for (const s of listSources(await systemScope('cli'))) process.stdout.write(`${s.source.padEnd(22)}${s.label}（${s.department}）: ${s.columns.map((c) => c.header).join(', ')}\n`);
  });

  verify.command('template <source> <file>').description('write the import template of a source (.xlsx or .csv by the extension)').action(async (source: string, file: string) => {
    const { sourceTemplate, sourceOf } = await verification();
    fs.writeFileSync(file, await sourceTemplate(sourceOf(source), formatOf(file)));
    process.stdout.write(`template of ${source} written to ${file}\n`);
  });

  verify.command('import <source> <file>')
    .description('import a partner data file as a new snapshot of the source (all-or-nothing; errors name row and field)')
    .requiredOption('--snapshot-date <date>', 'the date the data is as of (YYYY-MM-DD)')
    .option('--format <format>', 'xlsx | csv (default: from the file extension)')
    .action(async (source: string, file: string, o: { snapshotDate: string; format?: string }) => {
      const { importSourceFile } = await verification();
      const scope = await systemScope('cli');
      const r = await withDb((db) => importSourceFile(db, scope, source, fs.readFileSync(file), { format: formatOf(file, o.format), snapshotDate: o.snapshotDate, fileName: path.basename(file) }));
      process.stdout.write(`${r.source} snapshot ${r.snapshotId} (version ${r.version}, as of ${r.snapshotDate}): ${r.rows} records\n`);
    });

  verify.command('rescreen')
    .description('re-match every current recipient against the latest snapshots; warnings open reviews, favouritism is flagged')
    .option('--as-of <date>', 'the date of the rescreen (default: today in China)')
    .action(async (o: { asOf?: string }) => {
      const [{ rescreen }, { progressBar }, scope] = await Promise.all([verification(), import('../progress.ts'), systemScope('cli')]);
      const r = await withDb(async (db) => {
        const bar = progressBar('rescreen', 0);
        try {
          return await rescreen(db, scope, { trigger: 'cli', ...(o.asOf ? { asOf: o.asOf } : {}), onProgress: (done, total) => bar.update(done, total) });
        } finally {
          bar.stop();
        }
      });
      process.stdout.write(`rescreen ${r.rescreenId} as of ${r.asOf}: ${r.counties} counties, ${r.cases} cases, ${r.persons} persons, ${r.findings} new findings, ${r.warnings} warnings, ${r.favouritism} favouritism flags; joined ${r.increment.freshCases} new or changed cases against every snapshot, ${r.increment.newSnapshots} new snapshots for the others (${r.seconds.toFixed(1)} s)\n`);
    });
}
