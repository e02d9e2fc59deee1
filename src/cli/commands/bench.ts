import fs from 'node:fs';
import { pathToFileURL } from 'node:url';
import type { Command } from 'commander';
import { fromRoot } from '../../kernel/paths.ts';

/** `jiuzhu bench NAME [args…]` (`npm run bench -- NAME`): runs the default export of bench/NAME.ts. */
export function registerBench(program: Command): void {
  program
    .command('bench <name> [args...]')
    .description('run a benchmark: bench/<name>.ts (see bench/README.md)')
    .allowUnknownOption()
    .action(async (name: string, args: string[]) => {
      if (!/^[a-z0-9-]+$/.test(name)) throw new Error(`bad benchmark name ${name}`);
      const file = fromRoot('bench', `${name}.ts`);
      if (!fs.existsSync(file)) {
        const known = fs.readdirSync(fromRoot('bench')).filter((f) => f.endsWith('.ts')).map((f) => f.slice(0, -3));
        throw new Error(`no benchmark ${name}; known: ${known.join(', ') || 'none'}`);
      }
      // The benchmarks are TypeScript that imports src/ directly: loaded through tsx, from the compiled CLI too.
      const { tsImport } = await import('tsx/esm/api');
      const mod = (await tsImport(pathToFileURL(file).href, import.meta.url)) as { default: (args: string[]) => Promise<void> };
      await mod.default(args);
    });
}
