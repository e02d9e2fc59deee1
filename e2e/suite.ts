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
      server = await startServer(120_000, { from: inject('e2eTemplate') });
      browser = await launchBrowser();
    });
    afterAll(async () => {
      await browser?.close();
      await server?.stop();
    });
    body(() => {
      if (!server || !browser) throw new Error('setup failed');
      return { server, browser };
    });
  });
}
