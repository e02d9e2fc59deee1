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
  const r = spawnSync(process.execPath, [vite, 'build', '--config', 'web/vite.config.ts', '--logLevel', 'warn'], { stdio: 'inherit', cwd: ROOT });
  if (r.status !== 0) throw new Error('vite build failed');
}
