import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import type { Scope } from '../../kernel/scope.ts';
import type { Database } from '../../db/engine.ts';
import { AppError } from '../../kernel/errors.ts';
import { withDb } from './db.ts';

const load = async () => {
  const [validate, payroll] = await Promise.all([import('../../kernel/validate.ts'), import('../../modules/payroll/index.ts')]);
  return { ...validate, ...payroll };
};

async function scopeFor(db: Database, as: string | undefined): Promise<Scope> {
  const [{ systemScope, userScope }, { findByUsername, toUser }] = await Promise.all([import('../../kernel/scope.ts'), import('../../modules/users/index.ts')]);
  if (!as) return systemScope('cli');
  const u = await findByUsername(db.kysely, as);
  if (!u || !u.active) throw AppError.field('as', `用户 ${as} 不存在或已停用`);
  return userScope(toUser(u));
}

/** `jiuzhu payroll …`: monthly payroll runs, approval, bank files, returns. */
export function registerPayroll(program: Command): void {
  const cmd = program.command('payroll').description('monthly payroll and disbursement (发放)');

  cmd.command('run')
    .description('write the payroll of a month for one county or every county (safe to repeat; resumes an interrupted run)')
    .requiredOption('--period <YYYY-MM>', 'the month paid')
    .option('--county <code>', 'county code (default: every county in scope)')
    .option('--chunk-by <unit>', 'county (default: one transaction per county) or township (one per township: finer resume points)', 'county')
    .option('--as <username>', 'run as this user (default: the system scope)')
    .action(async (o: { period: string; county?: string; chunkBy: string; as?: string }) => {
      if (o.chunkBy !== 'county' && o.chunkBy !== 'township') throw AppError.field('chunk-by', '应为 county 或 township');
      const chunkBy = o.chunkBy;
      const [{ parseOrThrow, period, countyCode, runPayroll, yuan }, { progressBar }] = await Promise.all([load(), import('../progress.ts')]);
      const p = parseOrThrow(period, o.period, 'period');
      const c = o.county === undefined ? undefined : parseOrThrow(countyCode, o.county, 'county');
      const results = await withDb(async (db) => {
        const bar = progressBar(`payroll ${p}`, 1);
        try {
          return await runPayroll(db, await scopeFor(db, o.as), { period: p, countyCode: c, chunkBy, onProgress: (done, total) => bar.update(done, total) });
        } finally {
          bar.stop();
        }
      });
      for (const r of results) console.log(`${r.payrollNo} ${r.countyCode} ${r.period}: ${r.statusLabel}, ${r.lines} lines, ${yuan(r.netFen)} yuan${r.written ? '' : ' (already complete, unchanged)'}`);
    });

  cmd.command('show <payrollNo>')
    .description('totals of a payroll by programme and township')
    .action(async (no: string) => {
      const { parseOrThrow, payrollNoSchema, getPayroll, yuan } = await load();
      const d = await withDb(async (db) => getPayroll(db, await scopeFor(db, undefined), parseOrThrow(payrollNoSchema, no, 'payrollNo')));
      console.log(`${d.payrollNo} ${d.period} ${d.statusLabel}: ${d.total.lines} lines, net ${yuan(d.total.netFen)} yuan (arrears ${yuan(d.total.arrearsFen)}, reissue ${yuan(d.total.reissueFen)}, deductions ${yuan(d.total.deductionFen)})`);
      for (const t of d.byProgramme) console.log(`  ${t.label}: ${t.lines} lines, ${yuan(t.netFen)} yuan`);
    });

  cmd.command('approve <payrollNo>')
    .description('approve a draft payroll (posts it to the ledger)')
    .option('--as <username>', 'approve as this user (a county approver)')
    .action(async (no: string, o: { as?: string }) => {
      const { parseOrThrow, payrollNoSchema, approvePayroll, yuan } = await load();
      const r = await withDb(async (db) => approvePayroll(db, await scopeFor(db, o.as), parseOrThrow(payrollNoSchema, no, 'payrollNo')));
      console.log(`${r.payrollNo}: ${r.statusLabel}, ${r.lines} lines, ${yuan(r.netFen)} yuan, ${r.ledgerEntries} ledger entries`);
    });

  cmd.command('discard <payrollNo>')
    .description('discard a draft or unfinished payroll (to run it again)')
    .option('--as <username>', 'as this user')
    .action(async (no: string, o: { as?: string }) => {
      const { parseOrThrow, payrollNoSchema, discardPayroll } = await load();
      await withDb(async (db) => discardPayroll(db, await scopeFor(db, o.as), parseOrThrow(payrollNoSchema, no, 'payrollNo')));
      console.log(`${no}: discarded`);
    });

  cmd.command('export <payrollNo>')
    .description('write the payment files of an approved payroll into a folder: a bank file per bank, the cash list, a file per other payee')
    .option('--out <dir>', 'folder', '.')
    .option('--format <format>', 'xlsx | csv', 'xlsx')
    .option('--unmask', 'full names, ID numbers and accounts (payroll.unmask)')
    .option('--as <username>', 'as this user')
    .action(async (no: string, o: { out: string; format: string; unmask?: boolean; as?: string }) => {
      if (o.format !== 'xlsx' && o.format !== 'csv') throw AppError.field('format', '应为 xlsx 或 csv');
      const format = o.format;
      const { parseOrThrow, payrollNoSchema, paymentFiles, paymentFile, yuan } = await load();
      await withDb(async (db) => {
        const scope = await scopeFor(db, o.as);
        const files = await paymentFiles(db, scope, parseOrThrow(payrollNoSchema, no, 'payrollNo'));
        fs.mkdirSync(o.out, { recursive: true });
        for (const item of files.items) {
          const f = await paymentFile(db, scope, no, { kind: item.kind, key: item.key, format, unmask: o.unmask === true });
          fs.writeFileSync(path.join(o.out, f.name), f.file);
          console.log(`${f.name}: ${item.lines} lines, ${yuan(item.netFen)} yuan`);
        }
      });
    });

  cmd.command('returns <payrollNo> <file>')
    .description("import the bank's result file (.xlsx or .csv); failed lines are paid again in a later run")
    .option('--as <username>', 'as this user')
    .action(async (no: string, file: string, o: { as?: string }) => {
      const format = path.extname(file).toLowerCase() === '.csv' ? 'csv' : 'xlsx';
      const { parseOrThrow, payrollNoSchema, importReturns, yuan } = await load();
      const r = await withDb(async (db) => importReturns(db, await scopeFor(db, o.as), parseOrThrow(payrollNoSchema, no, 'payrollNo'), fs.readFileSync(file), { format, fileName: path.basename(file) }));
      console.log(`${r.payrollNo}: ${r.paid} paid, ${r.failed} failed (${yuan(r.reissueFen)} yuan to reissue)`);
    });
}
