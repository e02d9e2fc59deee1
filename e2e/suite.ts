// One browser suite: a real server and Chromium for the file's tests, skipped (with a warning) when
// Chromium is missing unless JIUZHU_E2E_REQUIRED=1 (CI), where a missing browser fails.
import { afterAll, beforeAll, describe, inject } from 'vitest';
import { chromiumAvailable, launchBrowser, type E2EBrowser } from './browser.ts';
import { startServer, type RunningServer } from './server.ts';

export interface SuiteEnv {
  server: RunningServer;
  browser: E2EBrowser;
}

export function browserSuite(title: string, body: (env: () => SuiteEnv) => void): void {
  const required = process.env['JIUZHU_E2E_REQUIRED'] === '1';
  const haveChromium = chromiumAvailable();
  if (!haveChromium && !required) {
    console.warn(`[e2e] /usr/bin/chromium not found: skipping "${title}" (apt-get install chromium fonts-noto-cjk).`);
  }
  describe.skipIf(!haveChromium && !required)(title, () => {
    let server: RunningServer | undefined;
    let browser: E2EBrowser | undefined;
    beforeAll(async () => {
      if (!haveChromium) throw new Error('JIUZHU_E2E_REQUIRED=1 but /usr/bin/chromium is missing');
      // Chromium starts while the server loads; whichever started is stopped by afterAll if the other failed.
      const [started, launched] = await Promise.allSettled([startServer(120_000, { from: inject('e2eTemplate') }), launchBrowser()]);
      if (started.status === 'fulfilled') server = started.value;
      if (launched.status === 'fulfilled') browser = launched.value;
      if (started.status === 'rejected') throw started.reason;
      if (launched.status === 'rejected') throw launched.reason;
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
