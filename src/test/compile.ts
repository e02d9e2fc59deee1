// Compiles the server's CLI (src/cli/main.ts) into one JavaScript file once per test run, so that each
// process the tests spawn (the browser suites' servers, the CLI's commands, src/cli/*.test.ts) starts without
// loading every TypeScript module through tsx's loader (about 1.5 s instead of 4–5 s a start on this 2-core
// machine). `npm start` still runs bin/jiuzhu.mjs (tsx), and src/cli/cli.test.ts runs one command through it.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build, type Plugin } from 'esbuild';

const IMPORT_META_URL = /\bimport\.meta\.url\b/g;

/**
 * Every module keeps its own `import.meta.url` (its source file's URL, as a literal): the paths the server
 * builds from it (migrations, parameter files, the repository root, the parse worker) stay those of src/.
 */
function sourceUrls(srcDir: string): Plugin {
  return {
    name: 'jiuzhu-source-urls',
    setup(b) {
      b.onLoad({ filter: /\.ts$/ }, async (args) => {
        const text = await readFile(args.path, 'utf8');
        if (!args.path.startsWith(srcDir)) return { contents: text, loader: 'ts' };
        return { contents: text.replace(IMPORT_META_URL, JSON.stringify(pathToFileURL(args.path).href)), loader: 'ts' };
      });
    },
  };
}

/**
 * Writes the compiled CLI to `outfile`, which must lie inside the repository: packages stay imports
 * (`packages: 'external'`) and are found in its node_modules, as tsx finds them.
 */
export async function compileServer(repoRoot: string, outfile: string): Promise<void> {
  await build({
    entryPoints: [join(repoRoot, 'src/cli/main.ts')],
    outfile,
    bundle: true,
    packages: 'external',
    platform: 'node',
    format: 'esm',
    target: 'node20',
    tsconfig: join(repoRoot, 'tsconfig.json'),
    plugins: [sourceUrls(join(repoRoot, 'src'))],
    logLevel: 'warning',
  });
}
