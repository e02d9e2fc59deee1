// Every error code the source throws is in the catalogue (src/kernel/error-codes.ts), with a Chinese
// meaning and an HTTP status, and the API lists the catalogue.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { errorCodes, isDefinedErrorCode } from './kernel/error-codes.ts';
import { ROOT } from './kernel/paths.ts';

const SRC = path.join(ROOT, 'src');
const files = (dir: string): string[] => fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(path.join(dir, e.name)) : [path.join(dir, e.name)]));
const sources = files(SRC).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'));

// The ways a code is written: the one error type, a guard's refusal, a refusal object, a rejected file.
const PATTERNS = [
  /new AppError\(\s*'([a-z_]+)'/g,
  /AppError\.(?:conflict|badRequest)\(\s*'([a-z_]+)'/g,
  /AppError\.field\([^;]*?,\s*'([a-z_]+)'\s*\)/g,
  /\brefuse\(\s*'([a-z_]+)'/g,
  /rowsRejected\(\s*'([a-z_]+)'/g,
  /(?<!addIssue\()\{\s*code:\s*'([a-z_]+)',\s*(?:status:\s*\d{3},\s*)?message:/g,
];

function thrownCodes(): Map<string, string> {
  const found = new Map<string, string>();
  for (const f of sources) {
    const text = fs.readFileSync(f, 'utf8');
    for (const re of PATTERNS) for (const m of text.matchAll(re)) if (!found.has(m[1]!)) found.set(m[1]!, path.relative(ROOT, f));
  }
  return found;
}

describe('error-code catalogue', () => {
  it('defines every code the source throws, with a status and a Chinese meaning', async () => {
    for (const f of sources.filter((x) => x.endsWith('/error-codes.ts'))) await import(f);
    const found = thrownCodes();
    expect(found.size).toBeGreaterThan(40);
    expect([...found].filter(([code]) => !isDefinedErrorCode(code)).map(([code, file]) => `${code} (${file})`)).toEqual([]);
    for (const c of errorCodes()) {
      expect(c.title, c.code).toMatch(/\p{Script=Han}/u);
      expect([400, 401, 403, 404, 409, 413, 415, 422, 429, 500, 502, 503], c.code).toContain(c.status);
    }
  });

  it('would catch a code thrown without a definition', () => {
    expect(isDefinedErrorCode('not_eligible')).toBe(true);
    expect(isDefinedErrorCode('no_such_refusal')).toBe(false);
  });
});
