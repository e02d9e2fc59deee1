import type { Command } from 'commander';
import { withDb } from './db.ts';

/** `jiuzhu housing-insurance …`: 政策性农房保险 — insure every rural household of a county under its policy of a year. */
export function registerHousingInsurance(program: Command): void {
  const cmd = program.command('housing-insurance').description('policy rural housing insurance (政策性农房保险)');
  cmd.command('insure')
    .description('insure every rural-hukou household of the county under its policy of the year (按户籍统保; repeatable)')
    .requiredOption('--county <code>', 'county code')
    .requiredOption('--year <YYYY>', 'policy year')
    .action(async (o: { county: string; year: string }) => {
      const [{ systemScope }, { parseOrThrow }, { insureFromRegistry, policyParam }, { progressBar }] = await Promise.all([
        import('../../kernel/scope.ts'), import('../../kernel/validate.ts'), import('../../modules/housing-insurance/index.ts'), import('../progress.ts'),
      ]);
      const p = parseOrThrow(policyParam, { countyCode: o.county, year: o.year });
      const r = await withDb(async (db) => {
        const bar = progressBar(`housing insurance ${p.countyCode} ${p.year}`, 1);
        try {
          const done = await insureFromRegistry(db, systemScope('cli'), p.countyCode, p.year);
          bar.update(1);
          return done;
        } finally {
          bar.stop();
        }
      });
      console.log(`${p.countyCode} ${p.year}: ${r.added} households added, ${r.total} insured`);
    });
}
