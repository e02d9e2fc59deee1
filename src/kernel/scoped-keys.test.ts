import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = path.resolve(import.meta.dirname, '..');

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return sources(p);
    return e.name.endsWith('.ts') && !e.name.endsWith('.test.ts') ? [p] : [];
  });
}

describe('scoped keys', () => {
  it('are minted only by scoped roots (roots.ts), so a child read cannot skip a scope check', () => {
    const minting = sources(SRC)
      .filter((f) => /\bscopedKey\(/.test(fs.readFileSync(f, 'utf8')))
      .map((f) => path.relative(SRC, f));
    expect(minting).toContain(path.join('modules', 'registry', 'repo', 'roots.ts'));
    expect(minting.filter((f) => f !== path.join('kernel', 'scope.ts') && path.basename(f) !== 'roots.ts')).toEqual([]);
  });
});
