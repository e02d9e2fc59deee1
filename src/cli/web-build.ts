import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { fromRoot, ROOT } from '../kernel/paths.ts';

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(p) : fs.statSync(p).mtimeMs);
  }
  return newest;
}

/** The sources of the one build (the staff UI and the citizen portal) and the pages it writes. */
const SOURCES = ['web/src', 'web/portal', 'web/public', 'web/build', 'web/index.html', 'web/vite.config.ts'];
const OUTPUTS = ['web/dist/index.html', 'web/dist/portal/index.html'];

const mtimeOf = (p: string) => (fs.statSync(p).isDirectory() ? newestMtime(p) : fs.statSync(p).mtimeMs);

/** Whether web/dist holds both pages, none older than the sources. */
export function webBuildIsFresh(): boolean {
  const sources = Math.max(...SOURCES.map((p) => fromRoot(p)).filter((p) => fs.existsSync(p)).map(mtimeOf));
  return OUTPUTS.map((p) => fromRoot(p)).every((p) => fs.existsSync(p) && fs.statSync(p).mtimeMs >= sources);
}

/** Builds web/dist (both apps) with Vite when a page is missing or older than the sources. */
export function ensureWebBuilt(log: (m: string) => void): void {
  if (!fs.existsSync(fromRoot('web/src'))) return;
  if (webBuildIsFresh()) return;
  log('building the web UI (vite build)…');
  buildWeb();
}

/**
 * Runs the production Vite build of both apps into web/dist, or into `outDir` (the first-screen budget test
 * builds into a folder of its own, so as not to race a server building web/dist); `precompress: false` skips
 * writing the .br/.gz files (web/build/precompress.ts), which only the server needs.
 */
export function buildWeb(opts: { outDir?: string; precompress?: boolean } = {}): void {
  const vite = fromRoot('node_modules/vite/bin/vite.js');
  // Always the production build: an inherited NODE_ENV (vitest sets `test`, e.g. when the browser suite's first
  // server builds the UI) would make Vite bundle React's and antd's development builds, larger and slower, and
  // that build would then stay in web/dist for `npm start`.
  const env = { ...process.env, NODE_ENV: 'production', ...(opts.precompress === false ? { JIUZHU_PRECOMPRESS: '0' } : {}) };
  const args = [vite, 'build', '--config', 'web/vite.config.ts', '--logLevel', 'warn', ...(opts.outDir ? ['--outDir', opts.outDir] : [])];
  const r = spawnSync(process.execPath, args, { stdio: 'inherit', cwd: ROOT, env });
  if (r.status !== 0) throw new Error('vite build failed');
}
