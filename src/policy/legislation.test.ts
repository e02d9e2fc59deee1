// Runs every legislation case under tests/**.yaml: one `it` per case, named by file and case.
import { describe, expect, it } from 'vitest';
import { loadCases, runCase } from './legislation.ts';
import { defaultParameterRows } from './load-parameters.ts';

const rows = defaultParameterRows();
const cases = loadCases();

describe('legislation cases', () => {
  it('has at least 60 cases', () => {
    expect(cases.length).toBeGreaterThanOrEqual(60);
  });
  for (const c of cases) {
    it(`${c.file} › ${c.name}`, () => {
      const problems = runCase(rows, c);
      expect(problems, `${c.file} › ${c.name} (${c.formula}, ${c.period})\n${problems.join('\n')}`).toEqual([]);
    });
  }
});
