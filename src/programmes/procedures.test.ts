// Runs every procedure case under src/programmes/*/procedures/*.yaml against the registry's workflows
// and the shipped parameters, without a database: one `it` per case, named by file and case. The
// runner (src/workflow/procedure.ts) is checked first on cases that must fail.
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { defaultParameterRows } from '../policy/index.ts';
import { loadProcedureFile, parseProcedureCases, runProcedureCase, type ProcedureCase, type ProcedureEnv } from '../workflow/procedure.ts';
import { allProgrammes, workflowOf } from './registry.ts';

const ROOT = fileURLToPath(new URL('./', import.meta.url));
const env: ProcedureEnv = { workflowFor: workflowOf, rows: defaultParameterRows() };

function procedureFiles(): { path: string; file: string }[] {
  return readdirSync(ROOT, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(ROOT, d.name, 'procedures')))
    .flatMap((d) =>
      readdirSync(join(ROOT, d.name, 'procedures'))
        .filter((f) => f.endsWith('.yaml'))
        .sort()
        .map((f) => ({ path: join(ROOT, d.name, 'procedures', f), file: `${d.name}/procedures/${f}` })),
    );
}

const cases: ProcedureCase[] = procedureFiles().flatMap(({ path, file }) => loadProcedureFile(path, file));

describe('procedure case runner', () => {
  it('names the file, the case and the field of a malformed case', () => {
    const text = '- name: good\n  programme: dibao\n  applied: 2015-09-28\n  area: "522701001001"\n- name: bad step\n  programme: dibao\n  applied: 2015-09-28\n  area: "522701001001"\n  steps:\n    - action: home_visit\n      expect: { due: 2015-13-01 }\n';
    expect(() => parseProcedureCases(text, 'x.yaml')).toThrow(/x\.yaml case #2 "bad step":[\s\S]*steps\[0\]\.expect\.due/);
    expect(() => parseProcedureCases('name: not a list', 'y.yaml')).toThrow(/y\.yaml: a procedure case file is a list/);
  });

  it('reports a wrong expectation with the step, and a refusal that did not come', () => {
    const [wrong, taken] = parseProcedureCases(
      `- name: wrong deadline
  programme: dibao
  applied: 2015-09-28
  area: "522701001001"
  steps:
    - action: withdraw
      date: 2015-09-29
      reason: 申请人书面撤回
      expect: { state: accepted }
- name: step taken
  programme: dibao
  applied: 2015-09-28
  area: "522701001001"
  steps:
    - action: withdraw
      date: 2015-09-29
      reason: 申请人书面撤回
      refusal: { code: invalid_transition }
`,
      'z.yaml',
    );
    expect(runProcedureCase(wrong!, env)).toEqual(['step 1 (withdraw 2015-09-29): state: expected "accepted", got "withdrawn"']);
    expect(runProcedureCase(taken!, env)).toEqual(['step 1 (withdraw 2015-09-29): expected refusal invalid_transition, but the step was taken: accepted → withdrawn']);
  });

  it('refuses an overlay of a parameter that does not exist, and an acceptance refusal with steps', () => {
    const [c] = parseProcedureCases('- name: typo\n  programme: dibao\n  applied: 2015-09-28\n  area: "522701001001"\n  parameters: [{ name: procedure.dibao.notice_dayz, effective: 2015-01-01, value: null }]\n', 'p.yaml');
    expect(() => runProcedureCase(c!, env)).toThrow('p.yaml › typo: parameters names unknown parameter "procedure.dibao.notice_dayz"');
    expect(() => parseProcedureCases('- name: both\n  programme: dibao\n  applied: 2015-09-28\n  area: "522701001001"\n  refusal: { code: parameter_missing }\n  steps: [{ action: withdraw }]\n', 'q.yaml')).toThrow(/q\.yaml case #1 "both":[\s\S]*refusal/);
  });
});

describe('procedure cases', () => {
  it('cover every programme of the registry with at least a few cases', () => {
    for (const p of allProgrammes()) expect(cases.filter((c) => c.programme === p.code).length, p.code).toBeGreaterThanOrEqual(10);
  });
  for (const c of cases) {
    it(`${c.file} › ${c.name}`, () => {
      const problems = runProcedureCase(c, env);
      expect(problems, `${c.file} › ${c.name}\n${problems.join('\n')}`).toEqual([]);
    });
  }
});
