// The compiled CLI in dist/ (src/build/compile.ts), rebuilt when its sources changed. Plain JavaScript, so that
// the check costs no TypeScript loader: only a rebuild loads tsx (for src/build/compile.ts). `npm install` runs
// `node bin/build.mjs --web` (the `prepare` script), `npm run build` the same.
//
// dist/current.json names the build and the fingerprint of the sources it was made from: every file under
// src/ but the tests (path, size, modification time) and tsconfig.json, and the repository's own path (the
// build names src/ by absolute URLs). Each build has a folder of its own, never rewritten, so that a server
// still running an earlier one keeps loading its chunks and workers; the three newest are kept.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const KEEP = 3;

/** What the build is made from: lines of path, size and modification time, sorted. */
function sourceLines(root) {
  const lines = [];
  const walk = (dir) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(p);
      else if (!entry.name.endsWith('.test.ts')) {
        const st = fs.statSync(p);
        lines.push(`${path.relative(root, p)}\t${st.size}\t${st.mtimeMs}`);
      }
    }
  };
  walk(path.join(root, 'src'));
  const tsconfig = fs.statSync(path.join(root, 'tsconfig.json'));
  lines.push(`tsconfig.json\t${tsconfig.size}\t${tsconfig.mtimeMs}`);
  return lines.sort();
}

/** A hash of the sources' paths, sizes and times, and of `root` itself. */
export function sourceFingerprint(root = ROOT) {
  return createHash('sha256').update(root).update('\n').update(sourceLines(root).join('\n')).digest('hex');
}

const readCurrent = (outRoot) => {
  try {
    return JSON.parse(fs.readFileSync(path.join(outRoot, 'current.json'), 'utf8'));
  } catch {
    return null;
  }
};

/**
 * The entry of a compiled CLI made from the current sources: dist/…/jiuzhu.mjs when it is fresh, else built now
 * (`log` says so). `outRoot` is dist/ unless a test names another folder inside the repository.
 */
export async function ensureBuilt({ root = ROOT, outRoot = path.join(root, 'dist'), log = () => {} } = {}) {
  const fingerprint = sourceFingerprint(root);
  const current = readCurrent(outRoot);
  if (current?.fingerprint === fingerprint) {
    const entry = path.join(outRoot, current.dir, current.entry);
    if (fs.existsSync(entry)) return entry;
  }
  log(current ? 'sources changed: compiling the server (esbuild)…' : 'compiling the server (esbuild)…');
  const started = Date.now();
  const { tsImport } = await import('tsx/esm/api');
  const { compileServer, ENTRY_FILE } = await tsImport(pathToFileURL(path.join(root, 'src/build/compile.ts')).href, import.meta.url);
  const dir = `${fingerprint.slice(0, 12)}-${process.pid}`;
  fs.mkdirSync(outRoot, { recursive: true });
  await compileServer(root, path.join(outRoot, dir));
  const tmp = path.join(outRoot, `current.json.${process.pid}`);
  fs.writeFileSync(tmp, `${JSON.stringify({ fingerprint, dir, entry: ENTRY_FILE, builtAt: new Date().toISOString() }, null, 2)}\n`);
  fs.renameSync(tmp, path.join(outRoot, 'current.json'));
  removeOldBuilds(outRoot, dir);
  log(`compiled in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return path.join(outRoot, dir, ENTRY_FILE);
}

/** Removes all but the KEEP newest build folders (never `keep`, the one just made). */
function removeOldBuilds(outRoot, keep) {
  const builds = fs
    .readdirSync(outRoot, { withFileTypes: true })
    .filter((e) => e.isDirectory() && e.name !== keep)
    .map((e) => ({ name: e.name, mtime: fs.statSync(path.join(outRoot, e.name)).mtimeMs }))
    .sort((a, b) => b.mtime - a.mtime);
  for (const old of builds.slice(KEEP - 1)) fs.rmSync(path.join(outRoot, old.name), { recursive: true, force: true });
}

// `node bin/build.mjs [--web]`: the compiled server, and with --web the web UI (web/dist, when older than its
// sources: what the first `npm start` would otherwise build, a minute or more).
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const log = (m) => process.stderr.write(`${m}\n`);
  const entry = await ensureBuilt({ log });
  process.stdout.write(`${path.relative(process.cwd(), entry)}\n`);
  if (process.argv.includes('--web')) {
    const { tsImport } = await import('tsx/esm/api');
    const { ensureWebBuilt } = await tsImport(pathToFileURL(path.join(ROOT, 'src/cli/web-build.ts')).href, import.meta.url);
    ensureWebBuilt(log);
  }
}
