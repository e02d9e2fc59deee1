import type { Command } from 'commander';
import type { Config } from '../../kernel/config.ts';

// While the server starts, its event loop can run empty between two steps; Node then waits for every task on V8's
// threads to finish — PGlite's WebAssembly being optimised, up to a second — before going on (measured: the main
// thread idle 0.5–0.9 s while Fastify registered a plugin). A timer keeps the loop alive until the server listens.
async function serve(config: Config): Promise<void> {
  const starting = setInterval(() => {}, 60_000);
  try {
    await startServing(config);
  } finally {
    clearInterval(starting);
  }
}

async function startServing(config: Config): Promise<void> {
  // The database opens (PGlite: its WebAssembly compiled off the main thread) while the server's modules load.
  const [{ openDatabase }, { configuredReplica }] = await Promise.all([import('../../db/engine.ts'), import('../../db/replica.ts')]);
  const log = (m: string) => process.stderr.write(`${m}\n`);
  const opening = openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, poolSize: config.dbPoolSize, replica: configuredReplica(config, log) });
  opening.catch(() => undefined); // awaited below, after the imports: no unhandled rejection meanwhile
  const [{ buildApp }, { prepare }, { closeApp, closeOnSignals }, { startRescreenSchedule }, { newOpsToken, publishControl }, { pumpSubscriptions, startOutbox }] = await Promise.all([
    import('../../server/app.ts'), import('../../server/bootstrap.ts'), import('../../server/shutdown.ts'), import('../../modules/verification/index.ts'),
    import('../../ops/control.ts'), import('../../modules/dci/index.ts'),
  ]);
  if (process.env.JIUZHU_INSECURE_FAST_HASH === '1') log('警告：JIUZHU_INSECURE_FAST_HASH=1 只供测试使用，密码散列强度已降低 / WARNING: weak password hashing, for tests only');
  const db = await opening;
  await prepare(db, config, log);
  const opsToken = newOpsToken();
  const { app } = await buildApp({ db, config }, { opsToken });
  const stopRescreen = config.rescreenAt ? startRescreenSchedule(db, config.rescreenAt, log) : async () => {};
  if (config.dciTestMode) log('警告：JIUZHU_DCI_TEST_MODE=1，SPDCI 接口处于测试模式（接受未签名报文、测试接入系统与本机 http 回调），不得用于生产 / WARNING: SPDCI test mode');
  const stopOutbox = startOutbox(db, { testMode: config.dciTestMode, log, before: async () => void (await pumpSubscriptions(db)) });
  const address = await app.listen({ port: config.port, host: config.host });
  const port = new URL(address).port;
  // The e2e harness waits for this exact line.
  process.stdout.write(`listening on http://${config.host}:${port}\n`);
  // `jiuzhu backup` finds the server holding the PGlite folder by this note (src/ops/control.ts).
  const unpublish = db.engine === 'pglite' && !config.dataDir.startsWith('memory://') ? publishControl(config.dataDir, `http://127.0.0.1:${port}`, opsToken) : () => {};
  closeOnSignals(async () => {
    unpublish();
    stopOutbox();
    await closeApp(app);
    // After the requests: a rescreen still running is released for another instance (its transaction never commits).
    await stopRescreen();
    await db.close();
  }, log);
}

export function registerServe(program: Command): void {
  program
    .command('serve')
    .description('serve the API and web UI (migrates first; demo data when JIUZHU_DEMO=1)')
    .option('--port <port>', 'port (0 = any free port)')
    .action(async (opts: { port?: string }) => {
      const { loadConfig } = await import('../../kernel/config.ts');
      await serve(loadConfig({ ...process.env, ...(opts.port !== undefined ? { PORT: opts.port } : {}) }));
    });

  program
    .command('start')
    .description('what `npm start` runs: build the UI if needed, then serve with demo data (JIUZHU_DEMO=0 to turn off)')
    .option('--port <port>', 'port (0 = any free port)')
    .action(async (opts: { port?: string }) => {
      // Demo data unless JIUZHU_DEMO turns it off; --port wins over PORT. Checked before the UI build.
      const [{ loadConfig }, { ensureWebBuilt }] = await Promise.all([import('../../kernel/config.ts'), import('../web-build.ts')]);
      const config = loadConfig({ JIUZHU_DEMO: '1', ...process.env, ...(opts.port !== undefined ? { PORT: opts.port } : {}) });
      ensureWebBuilt((m) => process.stderr.write(`${m}\n`));
      await serve(config);
    });
}
