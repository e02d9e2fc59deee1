// One browser suite: a real server and Chromium for the file's tests, skipped (with a warning) when
// Chromium is missing unless JIUZHU_E2E_REQUIRED=1 (CI), where a missing browser fails.
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, inject } from 'vitest';
import { chromiumAvailable, launchBrowser, type E2EBrowser } from './browser.ts';
import { REPO_ROOT, startServer, templateFrom, type RunningServer, type ServerTemplate } from './server.ts';

export interface SuiteEnv {
  server: RunningServer;
  browser: E2EBrowser;
}

/**
 * The next suite's server, started as soon as this suite's is up: the browser files run one after the other in
 * one process (vitest.config.ts), and a server takes 4–9 s to start on this machine, which the next file would
 * otherwise wait for while the CPU is half idle. Every suite still gets a server and data of its own (a fresh
 * copy of the template); the one left over at the end is stopped by the run's teardown (ServerTemplate.registry).
 */
let next: Promise<RunningServer> | undefined;

function takeServer(template: ServerTemplate, env?: NodeJS.ProcessEnv): Promise<RunningServer> {
  // A suite with an environment of its own starts its own server; the one started ahead waits for the next suite.
  if (env) return startServer(120_000, { from: template, env });
  const fresh = () => startServer(120_000, { from: template });
  // A server that failed to start ahead is started again now: its error, if any, is this suite's.
  const server = next ? next.catch(fresh) : fresh();
  next = undefined;
  return server;
}

function startNext(template: ServerTemplate): void {
  next = startServer(120_000, { from: template });
  next.catch(() => undefined);
}

/**
 * `opts.env`: variables for this suite's server (e.g. the portal's SMS file provider). `opts.uiOnly`: the suite's
 * subject is the browser side itself (every page's text and accessibility, the shell's layouts, the service worker),
 * which does not change with the database: it runs on the embedded one only, and is skipped when DATABASE_URL
 * names a server (CI's second run, .ci/run), where the journeys still run.
 */
export function browserSuite(title: string, body: (env: () => SuiteEnv) => void, opts: { env?: NodeJS.ProcessEnv; uiOnly?: boolean } = {}): void {
  const required = process.env['JIUZHU_E2E_REQUIRED'] === '1';
  const haveChromium = chromiumAvailable();
  if (!haveChromium && !required) {
    console.warn(`[e2e] /usr/bin/chromium not found: skipping "${title}" (apt-get install chromium fonts-noto-cjk).`);
  }
  const onServer = opts.uiOnly === true && !!process.env['DATABASE_URL'];
  describe.skipIf((!haveChromium && !required) || onServer)(title, () => {
    let server: RunningServer | undefined;
    let browser: E2EBrowser | undefined;
    beforeAll(async () => {
      if (!haveChromium) throw new Error('JIUZHU_E2E_REQUIRED=1 but /usr/bin/chromium is missing');
      // The browser context opens while the server loads; whichever started is stopped by afterAll if the other failed.
      const template = await templateFrom(inject('e2eTemplate'));
      const [started, launched] = await Promise.allSettled([takeServer(template, opts.env), launchBrowser()]);
      if (started.status === 'fulfilled') {
        server = started.value;
        if (!next) startNext(template);
      }
      if (launched.status === 'fulfilled') browser = launched.value;
      if (started.status === 'rejected') throw started.reason;
      if (launched.status === 'rejected') throw launched.reason;
    });
    // A failed test leaves what its pages showed: a screenshot each and the text of any error on them in the log.
    afterEach(async (ctx) => {
      if (ctx.task.result?.state !== 'fail' || !browser) return;
      const dir = join(REPO_ROOT, 'test-output', 'e2e', 'failed');
      await mkdir(dir, { recursive: true });
      const pages = browser.context.pages();
      for (const [i, page] of pages.entries()) {
        const name = `${ctx.task.name.replace(/[^\w\u4e00-\u9fff]+/g, '-').slice(0, 60)}-${i}.png`;
        await page.screenshot({ path: join(dir, name), fullPage: true }).catch(() => undefined);
        const errors = await page.locator('.ant-alert-error, .ant-message-error, .ant-form-item-explain-error').allInnerTexts().catch(() => []);
        console.error(`[e2e] failed "${ctx.task.name}": page ${i} at ${page.url()}; screenshot test-output/e2e/failed/${name}; errors shown: ${errors.join(' | ') || 'none'}`);
      }
    });
    afterAll(async () => {
      await Promise.all([browser?.close(), server?.stop()]);
    });
    body(() => {
      if (!server || !browser) throw new Error('setup failed');
      return { server, browser };
    });
  });
}
