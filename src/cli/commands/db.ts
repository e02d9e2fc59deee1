// Commands load their modules when they run (`await import`), not when they are registered: `jiuzhu --help`
// or `jiuzhu audit verify` load neither the web server nor the modules of the other commands
// (src/build/compile.ts makes each such import a chunk of its own).
import type { Command } from 'commander';
import type { Database } from '../../db/engine.ts';

/** Opens the configured database, migrated, for one command; closes it after `fn`. */
export async function withDb<T>(fn: (db: Database) => Promise<T>): Promise<T> {
  const [{ loadConfig }, { openDatabase }, { configuredReplica }, { migrate }, { syncProgrammes }] = await Promise.all([
    import('../../kernel/config.ts'), import('../../db/engine.ts'), import('../../db/replica.ts'), import('../../db/migrate.ts'), import('../../modules/cases/index.ts'),
  ]);
  const config = loadConfig();
  // Reports and tables read from the replica where one is configured, as the server's do.
  const db = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, replica: configuredReplica(config, (m) => process.stderr.write(`${m}\n`)) });
  try {
    await migrate(db);
    await syncProgrammes(db);
    return await fn(db);
  } finally {
    await db.close();
  }
}

export function registerDb(program: Command): void {
  const db = program.command('db').description('database');
  db.command('migrate')
    .description('apply pending SQL migrations (safe to run again)')
    .action(async () => {
      const [{ loadConfig }, { openDatabase }, { migrate }, { syncProgrammes }] = await Promise.all([
        import('../../kernel/config.ts'), import('../../db/engine.ts'), import('../../db/migrate.ts'), import('../../modules/cases/index.ts'),
      ]);
      const config = loadConfig();
      const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
      try {
        const applied = await migrate(database);
        await syncProgrammes(database);
        console.log(applied.length > 0 ? `applied: ${applied.join(', ')}` : 'nothing to apply');
      } finally {
        await database.close();
      }
    });

  db.command('copy')
    .description('copy the embedded database (JIUZHU_DATA_DIR) into an empty PostgreSQL database, then check counts and the audit chain')
    .requiredOption('--to <url>', 'the empty PostgreSQL database, postgres://…')
    .action(async (opts: { to: string }) => {
      const [{ loadConfig }, { openDatabase }, { migrate }, { AppError }, { readControl }, { copyToServer }, { progressBar }] = await Promise.all([
        import('../../kernel/config.ts'), import('../../db/engine.ts'), import('../../db/migrate.ts'), import('../../kernel/errors.ts'),
        import('../../ops/control.ts'), import('../../ops/copy.ts'), import('../progress.ts'),
      ]);
      const config = loadConfig();
      if (readControl(config.dataDir)) throw new AppError('restore_target_not_empty', `数据文件夹 ${config.dataDir} 正由运行中的服务器使用：请先停止服务器再复制 / stop the server first`, 400);
      const source = await openDatabase({ dataDir: config.dataDir });
      const target = await openDatabase({ databaseUrl: opts.to });
      try {
        await migrate(source);
        const bar = progressBar('db copy', 0);
        const r = await copyToServer(source, target, opts.to, (done, total) => bar.update(done, total)).finally(() => bar.stop());
        console.log(`已复制到 PostgreSQL：${r.tables} 张表 ${r.rows} 行，${r.sequences} 个序列接续，审计链 ${r.auditEntries} 条完好`);
      } finally {
        await target.close();
        await source.close();
      }
    });

  db.command('rehearse-distribution')
    .description('check the schema is ready for Citus (docs/scale-out.md), then copy every distributed table with its rows into a scratch schema hash-partitioned on county_code, add its foreign keys, and drop the copy; needs the free space of those tables')
    .option('--partitions <n>', 'hash partitions per table', '8')
    .action(async (opts: { partitions: string }) => {
      const [{ readCatalogue, distributionViolations }, { rehearsePartitioning }] = await Promise.all([
        import('../../db/distribution-check.ts'), import('../../db/partition-rehearsal.ts'),
      ]);
      const partitions = Number(opts.partitions);
      if (!Number.isInteger(partitions) || partitions < 1 || partitions > 1024) throw new Error(`--partitions 应为 1–1024 的整数（收到 "${opts.partitions}"）`);
      await withDb(async (d) => {
        const violations = distributionViolations(await readCatalogue(d));
        for (const v of violations) console.error(`not ready: ${v}`);
        const started = Date.now();
        const r = await rehearsePartitioning(d, { partitions });
        for (const f of r.failures) console.error(`refused: ${f}`);
        console.log(`${r.tables} distributed tables as ${r.partitions} hash partitions on county_code, ${r.rows} rows copied, ${r.foreignKeys} foreign keys added, in ${((Date.now() - started) / 1000).toFixed(1)} s`);
        if (violations.length > 0 || r.failures.length > 0) process.exitCode = 1;
      });
    });

  db.command('partition')
    .description('PostgreSQL: convert every distributed table (src/db/distribution.ts) in place into partition by hash (county_code), keeping keys, foreign keys, triggers, row security, policies, grants and rows; tables already partitioned are skipped; the server should be stopped meanwhile')
    .option('--partitions <n>', 'hash partitions per table', '8')
    .action(async (opts: { partitions: string }) => {
      const [{ partitionByCounty }, { AppError }, { progressBar }] = await Promise.all([
        import('../../db/partition.ts'), import('../../kernel/errors.ts'), import('../progress.ts'),
      ]);
      await withDb(async (d) => {
        const bar = progressBar('db partition', 0);
        try {
          const r = await partitionByCounty(d, { partitions: Number(opts.partitions), onProgress: (done, total) => bar.update(done, total) });
          bar.stop();
          if (r.skipped.length > 0) console.log(`already partitioned, skipped: ${r.skipped.length} tables`);
          console.log(`${r.tables.length} tables as ${r.partitions} hash partitions on county_code, ${r.rows} rows moved; re-created ${r.keys} keys, ${r.indexes} indexes, ${r.foreignKeys} foreign keys (and ${r.referencing} pointing at them), ${r.triggers} triggers, ${r.policies} policies, ${r.views} views; in ${r.seconds.toFixed(1)} s`);
        } catch (e) {
          bar.stop();
          if (!(e instanceof AppError)) throw e;
          console.error(`error (${e.code}): ${e.message}`);
          process.exitCode = 1;
        }
      });
    });

  program
    .command('areas')
    .description('administrative areas')
    .command('load <prefecture>')
    .description('load a prefecture (e.g. 522700) with counties, townships, villages and configured functional zones')
    .action(async (code: string) => {
      const [{ systemScope }, { loadPrefecture }] = await Promise.all([import('../../kernel/scope.ts'), import('../../modules/areas/index.ts')]);
      const r = await withDb((d) => loadPrefecture(d, systemScope('cli'), code));
      console.log(`${r.prefecture}: ${r.counties} counties, ${r.zones} functional zones, ${r.townships} townships, ${r.villages} villages`);
    });

  program
    .command('audit')
    .description('audit log')
    .command('verify')
    .description('check the hash chains (one per county and day); names the first broken entry of each broken chain')
    .action(async () => {
      const [{ systemScope }, { verify }, { progressBar }] = await Promise.all([import('../../kernel/scope.ts'), import('../../modules/audit/index.ts'), import('../progress.ts')]);
      const r = await withDb(async (d) => {
        const total = Number((await d.kysely.selectFrom('audit_log').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
        const bar = progressBar('audit verify', total);
        try {
          return await verify(d, systemScope('cli'), (n) => bar.update(n));
        } finally {
          bar.stop();
        }
      });
      if (r.ok) console.log(`audit chain ok: ${r.checked} entries in ${r.chains} chains`);
      else {
        for (const b of r.broken) console.error(`audit chain BROKEN at entry ${b.firstBrokenId} (chain ${b.chain}): ${b.reason}`);
        console.error(`${r.broken.length} of ${r.chains} chains broken; ${r.checked} entries intact`);
        process.exitCode = 1;
      }
    });
}
