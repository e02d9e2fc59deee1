import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import type { Scope } from '../../kernel/scope.ts';
import { AppError } from '../../kernel/errors.ts';
import type { ImportPhase } from '../../modules/registry/index.ts';
import type { Progress } from '../progress.ts';
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
      const [{ systemScope, userScope }, { importHouseholds, importReport }, { findByUsername, toUser }, { progressBar }] = await Promise.all([
        import('../../kernel/scope.ts'), import('../../modules/registry/index.ts'), import('../../modules/users/index.ts'), import('../progress.ts'),
      ]);
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
    .description('load deterministic demo households for the loaded prefecture (a seed already loaded is skipped); --scenario loads a whole story on an empty database')
    .option('--households <n>', 'number of households', '3000')
    .option('--seed <seed>', 'seed of the generator', 'demo')
    .option('--prefecture <code>', 'prefecture (default: the first loaded)')
    .option('--scenario <name>', 'a scenario instead of demo households (see src/scenarios/; an unknown name lists them)')
    .option('--scale <ratio>', 'the scenario at this fraction of its full size (e.g. 0.01)', '1')
    .action(async (o: { households: string; seed: string; prefecture?: string; scenario?: string; scale: string }) => {
      if (o.scenario !== undefined) return demoScenario(o.scenario, o.scale);
      const n = Number(o.households);
      if (!Number.isInteger(n) || n < 0) throw AppError.field('households', '应为非负整数');
      const [{ systemScope }, { loadDemoHouseholds }, { progressBar }] = await Promise.all([
        import('../../kernel/scope.ts'), import('../../modules/registry/index.ts'), import('../progress.ts'),
      ]);
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

async function demoScenario(name: string, scaleText: string): Promise<void> {
  const [{ loadQiannan2015, SCENARIOS }, { progressBar }] = await Promise.all([import('../../scenarios/index.ts'), import('../progress.ts')]);
  if (!(SCENARIOS as readonly string[]).includes(name)) throw AppError.field('scenario', `未知的情景 ${name}；可选：${SCENARIOS.join('、')}`);
  const scale = Number(scaleText);
  if (!(scale > 0 && scale <= 1)) throw AppError.field('scale', '应为大于0且不大于1的比例，如 0.01');
  const started = Date.now();
  const r = await withDb(async (db) => {
    let bar: Progress | null = null;
    let stage = '';
    try {
      return await loadQiannan2015(db, {
        scale,
        onProgress: (s, done, total) => {
          if (s !== stage) {
            bar?.stop();
            stage = s;
            bar = progressBar(`${name} ${s}`, total);
          }
          (bar as Progress | null)?.update(done, total);
        },
      });
    } finally {
      (bar as Progress | null)?.stop();
    }
  });
  for (const [stage, counts] of Object.entries(r.extras)) console.log(`${stage}: ${Object.entries(counts).map(([k, v]) => `${k} ${v}`).join(', ')}`);
  const took = Object.entries(r.seconds).map(([k, v]) => `${k} ${v.toFixed(1)} s`).join(', ');
  console.log(`${name} at scale ${scale}: ${r.households} households, ${r.members} members; cases imported: 低保 ${r.cases.dibao}, 特困 ${r.cases.hardship} (${r.cases.warnings} amount warnings); ${r.homes} nursing homes; re-rating: ${r.rerated.batches} batches, ${r.rerated.changed} amounts changed`);
  console.log(`loaded in ${((Date.now() - started) / 1000).toFixed(1)} s (${took}); now: jiuzhu report annual --year 2015 --area 522700 --out report.docx`);
}
