import { describe, expect, it } from 'vitest';
import { defaultParameterRows } from '../policy/index.ts';
import { allWorkflows } from './registry.ts';

const known = new Set(defaultParameterRows().map((r) => r.name));

describe('programme definitions', () => {
  for (const def of allWorkflows()) {
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
          // Only a closed case (or a claim already given) has nothing left to do.
          if (out.length === 0) expect(['terminal', 'granted'], state).toContain(s.phase);
          if (s.phase === 'terminal') expect(out, state).toEqual([]);
        }
      });

      it('names only parameters that exist', () => {
        const names = [
          ...(def.spotCheckParameter ? [def.spotCheckParameter] : []),
          ...(def.totalDeadline ? [def.totalDeadline.parameter] : []),
          ...Object.values(def.states).flatMap((s) => (s.deadline && s.deadline !== 'keep' ? [s.deadline.parameter, ...(s.deadline.then ? [s.deadline.then] : [])] : [])),
          ...Object.values(def.actions).flatMap((a) => (a.deadline ? [a.deadline.parameter] : [])),
        ];
        for (const n of names) expect(known, n).toContain(n);
      });
    });
  }
});
