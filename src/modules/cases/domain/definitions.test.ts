import { describe, expect, it } from 'vitest';
import { defaultParameterRows } from '../../../policy/index.ts';
import { allDefinitions } from './programmes.ts';

const known = new Set(defaultParameterRows().map((r) => r.name));

describe('programme definitions', () => {
  for (const def of allDefinitions()) {
    describe(`${def.programme} ${def.ruleSet}`, () => {
      it('moves only between its own states and leaves every non-terminal state', () => {
        const states = Object.keys(def.states);
        expect(states).toContain(def.initial);
        for (const [name, a] of Object.entries(def.actions)) {
          expect(a.from.some((f) => states.includes(f)), name).toBe(true);
          if (a.to !== null) expect(states, name).toContain(a.to);
          expect(a.roles.length, name).toBeGreaterThan(0);
          expect(a.label, name).toMatch(/\p{Script=Han}/u);
        }
        for (const [state, s] of Object.entries(def.states)) {
          const out = Object.values(def.actions).filter((a) => a.from.includes(state));
          expect(out.length > 0, state).toBe(!s.terminal);
        }
      });

      it('names only parameters that exist', () => {
        const names = [
          def.spotCheckParameter,
          ...(def.totalDeadline ? [def.totalDeadline.parameter] : []),
          ...Object.values(def.states).flatMap((s) => (s.deadline && s.deadline !== 'keep' ? [s.deadline.parameter, ...(s.deadline.then ? [s.deadline.then] : [])] : [])),
          ...Object.values(def.actions).flatMap((a) => (a.deadline ? [a.deadline.parameter] : [])),
        ];
        for (const n of names) expect(known, n).toContain(n);
      });
    });
  }
});
