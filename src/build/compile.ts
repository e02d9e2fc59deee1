// Compiles the server's CLI (src/cli/main.ts) into JavaScript with esbuild: what `npm start` and the `jiuzhu`
// bin run (bin/jiuzhu.mjs builds dist/ at install and when a source changed), and what the tests spawn (one
// build per run, src/test/global-setup.ts and e2e/global-setup.ts). Node then loads no TypeScript at start
// (tsx compiled every module at each start: about 7 s of CPU). Each command's modules are a chunk of their own,
// loaded when the command runs (src/cli/commands/*), so `jiuzhu --help` does not load the web server.
import { readFile } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build, type Plugin } from 'esbuild';

const IMPORT_META_URL = /\bimport\.meta\.url\b/g;

/**
 * Worker threads' entries, by the file the parent names (`new URL('./parse-worker.mjs', import.meta.url)`: in
 * src/ a shim that registers tsx) and the TypeScript compiled in its place, an entry of the build of its own.
 */
const WORKERS = [{ shim: 'src/kernel/files/parse-worker.mjs', source: 'src/kernel/files/parse-worker.ts', name: 'parse-worker' }];

/** The build's entry file in `outDir`: what `node` runs. */
export const ENTRY_FILE = 'jiuzhu.mjs';

/**
 * Every module keeps its own `import.meta.url` (its source file's URL, as a literal): the paths the server
 * builds from it (migrations, parameter files, the repository root, web/dist) stay those of src/. A worker's
 * URL (`new URL('./parse-worker.mjs', import.meta.url)`) becomes its compiled entry in `outDir`.
 */
function sourceUrls(repoRoot: string, outDir: string): Plugin {
  const srcDir = join(repoRoot, 'src');
  return {
    name: 'jiuzhu-source-urls',
    setup(b) {
      b.onLoad({ filter: /\.ts$/ }, async (args) => {
        let text = await readFile(args.path, 'utf8');
        if (!args.path.startsWith(srcDir)) return { contents: text, loader: 'ts' };
        for (const w of WORKERS) {
          const rel = relative(dirname(args.path), join(repoRoot, w.shim)).replaceAll('\\', '/');
          const ref = new RegExp(`new URL\\(\\s*(['"])(\\./)?${rel.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\1\\s*,\\s*import\\.meta\\.url\\s*\\)`, 'g');
          text = text.replace(ref, `new URL(${JSON.stringify(pathToFileURL(join(outDir, `${w.name}.mjs`)).href)})`);
        }
        return { contents: text.replace(IMPORT_META_URL, JSON.stringify(pathToFileURL(args.path).href)), loader: 'ts' };
      });
    },
  };
}

/**
 * Writes the compiled CLI into `outDir` (its entry `jiuzhu.mjs`, the workers' entries, and the chunks loaded on
 * demand under chunks/). `outDir` must lie inside the repository and stay where it was built: packages stay
 * imports (`packages: 'external'`), found in its node_modules as tsx finds them, and the build names src/
 * and `outDir` by absolute URLs.
 */
export async function compileServer(repoRoot: string, outDir: string): Promise<void> {
  await build({
    entryPoints: [
      { in: join(repoRoot, 'src/cli/main.ts'), out: ENTRY_FILE.replace(/\.mjs$/, '') },
      ...WORKERS.map((w) => ({ in: join(repoRoot, w.source), out: w.name })),
    ],
    outdir: outDir,
    outExtension: { '.js': '.mjs' },
    chunkNames: 'chunks/[name]-[hash]',
    bundle: true,
    splitting: true,
    packages: 'external',
    platform: 'node',
    format: 'esm',
    target: 'node20',
    tsconfig: join(repoRoot, 'tsconfig.json'),
    plugins: [sourceUrls(repoRoot, outDir)],
    logLevel: 'warning',
  });
}
