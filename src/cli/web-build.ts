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

/** Builds web/dist with Vite when it is missing or older than the sources. */
export function ensureWebBuilt(log: (m: string) => void): void {
  const index = fromRoot('web/dist/index.html');
  const src = fromRoot('web/src');
  if (!fs.existsSync(src)) return;
  if (fs.existsSync(index) && fs.statSync(index).mtimeMs >= newestMtime(src)) return;
  log('building the web UI (vite build)…');
  const vite = fromRoot('node_modules/vite/bin/vite.js');
  // Always the production build: an inherited NODE_ENV (vitest sets `test`, e.g. when the browser suite's first
  // server builds the UI) would make Vite bundle React's and antd's development builds, larger and slower, and
  // that build would then stay in web/dist for `npm start`.
  const env = { ...process.env, NODE_ENV: 'production' };
  const r = spawnSync(process.execPath, [vite, 'build', '--config', 'web/vite.config.ts', '--logLevel', 'warn'], { stdio: 'inherit', cwd: ROOT, env });
  if (r.status !== 0) throw new Error('vite build failed');
}
