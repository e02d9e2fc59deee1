// The import boundaries of design/programmes.md §1, checked with dependency-cruiser on the real tree,
// and shown to fail on planted violations (a throw-away tree with the same layout).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { cruise, type ICruiseOptions, type IViolation } from 'dependency-cruiser';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT } from './kernel/paths.ts';

const config = createRequire(import.meta.url)(path.join(ROOT, '.dependency-cruiser.cjs')) as { forbidden: NonNullable<ICruiseOptions['ruleSet']>['forbidden']; options: ICruiseOptions };

async function violations(baseDir: string, roots: string[]): Promise<string[]> {
  const result = await cruise(roots, { ...config.options, ruleSet: { forbidden: config.forbidden }, validate: true, baseDir });
  if (typeof result.output === 'string') throw new Error('unexpected string output');
  return result.output.summary.violations.map((v: IViolation) => `${v.rule.name}: ${v.from} → ${v.to}`);
}

const IMPORT = /(?:from|import)\s*\(?\s*['"](\.{1,2}\/[^'"]+)['"]/g;

/** swc parses no JSX for dependency-cruiser: .tsx files of the web get the same rule from this scan. */
function tsxViolations(baseDir: string): string[] {
  const out: string[] = [];
  const walk = (dir: string): void => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (p.endsWith('.tsx')) {
        for (const [, spec] of fs.readFileSync(p, 'utf8').matchAll(IMPORT)) {
          const target = path.relative(baseDir, path.resolve(path.dirname(p), spec!));
          if (target.startsWith('src/') && !target.startsWith('src/kernel/') && !/^src\/modules\/[^/]+\/contract\.ts$/.test(target)) {
            out.push(`web-through-contract: ${path.relative(baseDir, p)} → ${target}`);
          }
        }
      }
    }
  };
  walk(path.join(baseDir, 'web/src'));
  return out;
}

describe('import boundaries', () => {
  it('hold on the whole tree', async () => {
    expect([...(await violations(ROOT, ['src', 'web/src'])), ...tsxViolations(ROOT)]).toEqual([]);
  });

  const planted = fs.mkdtempSync(path.join(os.tmpdir(), 'jiuzhu-boundaries-'));
  afterAll(() => fs.rmSync(planted, { recursive: true, force: true }));
  const put = (file: string, text = 'export const x = 1;\n') => {
    fs.mkdirSync(path.join(planted, path.dirname(file)), { recursive: true });
    fs.writeFileSync(path.join(planted, file), text);
  };

  it('fail on each kind of planted violation', async () => {
    for (const f of ['src/modules/cases/index.ts', 'src/modules/cases/tables.ts', 'src/modules/cases/service/engine.ts', 'src/modules/cases/contract.ts', 'src/kernel/clock.ts', 'src/db/schema.ts']) put(f);
    put('src/kernel/planted.ts', "import { x } from '../modules/cases/index.ts';\nexport const y = x;\n");
    put('src/db/planted.ts', "import type { x } from '../modules/cases/tables.ts';\nexport type Y = typeof x;\n");
    put('src/modules/payroll/planted.ts', "import { x } from '../cases/service/engine.ts';\nexport const y = x;\n");
    put('src/modules/payroll/allowed.ts', "import { x } from '../cases/index.ts';\nimport { x as c } from '../cases/contract.ts';\nimport { x as k } from '../../kernel/clock.ts';\nexport const y = x + c + k;\n");
    put('web/src/planted.ts', "import type { x } from '../../src/modules/cases/service/engine.ts';\nexport type Y = typeof x;\n");
    put('web/src/allowed.ts', "import type { x } from '../../src/modules/cases/contract.ts';\nimport { x as k } from '../../src/kernel/clock.ts';\nexport const y: typeof x = k;\n");
    put('web/src/Planted.tsx', "import { x } from '../../src/db/schema.ts';\nexport const P = () => <div>{x}</div>;\n");
    const found = [...(await violations(planted, ['src', 'web/src'])), ...tsxViolations(planted)];
    expect(found.sort()).toEqual([
      'db-below-modules: src/db/planted.ts → src/modules/cases/tables.ts',
      'kernel-is-the-bottom: src/kernel/planted.ts → src/modules/cases/index.ts',
      'module-through-its-index: src/modules/payroll/planted.ts → src/modules/cases/service/engine.ts',
      'web-through-contract: web/src/Planted.tsx → src/db/schema.ts',
      'web-through-contract: web/src/planted.ts → src/modules/cases/service/engine.ts',
    ]);
  });
});
