import fs from 'node:fs';
import type { Command } from 'commander';
import { AppError } from '../../kernel/errors.ts';
import { withDb } from './db.ts';

const load = () => Promise.all([import('../../kernel/scope.ts'), import('../../kernel/validate.ts'), import('../../modules/medical/index.ts'), import('../progress.ts')]);

const yuan = (fen: number) => (fen / 100).toFixed(2);

/** `jiuzhu medical …`: the yearly premium-subsidy list (资助参保) and the hospitals' settlement files (一站式结算). */
export function registerMedical(program: Command): void {
  const cmd = program.command('medical').description('medical assistance (医疗救助)');
  cmd.command('subsidy-list')
    .description('generate the premium-subsidy list of a county and year (--county, --year, --as-of), or write the insurer file of an approved list (--list-no, --export FILE.xlsx|.csv)')
    .option('--county <code>', 'county code')
    .option('--year <YYYY>', 'insurance year')
    .option('--as-of <YYYY-MM-DD>', 'recipients in payment in the month of this date')
    .option('--list-no <ZC…>', 'an approved list to export')
    .option('--export <file>', 'write the insurer file of --list-no (.xlsx or .csv by the extension)')
    .action(async (o: { county?: string; year?: string; asOf?: string; listNo?: string; export?: string }) => {
      const [{ systemScope }, { parseOrThrow }, { generateSubsidyList, insurerFile, subsidyGenerateBody }, { progressBar }] = await load();
      const scope = systemScope('cli');
      if (o.export) {
        if (!o.listNo) throw AppError.field('list-no', '导出报送文件须指定 --list-no');
        const format = o.export.toLowerCase().endsWith('.csv') ? 'csv' : 'xlsx';
        const f = await withDb((db) => insurerFile(db, scope, o.listNo!, format));
        fs.writeFileSync(o.export, f.file);
        console.log(`${o.listNo}: ${f.persons} persons, ${yuan(f.amountFen)} yuan → ${o.export}`);
        return;
      }
      const input = parseOrThrow(subsidyGenerateBody, { countyCode: o.county, year: o.year, asOf: o.asOf });
      const g = await withDb(async (db) => {
        const bar = progressBar(`subsidy list ${input.countyCode} ${input.year}`, 1);
        try {
          const r = await generateSubsidyList(db, scope, input);
          bar.update(1);
          return r;
        } finally {
          bar.stop();
        }
      });
      console.log(`${g.listNo} ${g.countyCode} ${g.year} (as of ${g.asOf}): ${g.statusLabel}, ${g.persons} persons, ${yuan(g.amountFen)} yuan`);
    });
  cmd.command('settlements')
    .description('import the health-insurance bureau\'s one-stop settlement file of a county (.xlsx or .csv): every row checked first, all or nothing')
    .argument('<file>', 'the settlement file (.xlsx or .csv by the extension)')
    .requiredOption('--county <code>', 'county code')
    .action(async (file: string, o: { county: string }) => {
      const [{ systemScope }, , { importSettlements }, { progressBar }] = await load();
      const format = file.toLowerCase().endsWith('.csv') ? 'csv' : 'xlsx';
      const body = fs.readFileSync(file);
      const r = await withDb(async (db) => {
        const bar = progressBar(`settlements ${o.county}`, 1);
        try {
          const done = await importSettlements(db, systemScope('cli'), body, { countyCode: o.county, format, fileName: file.split('/').pop() });
          bar.update(1);
          return done;
        } finally {
          bar.stop();
        }
      });
      console.log(`${r.importNo} ${r.countyName}: ${r.rows} episodes, ${yuan(r.amountFen)} yuan`);
    });
}
