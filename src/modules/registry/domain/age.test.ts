import { describe, expect, it } from 'vitest';
import { ageOn } from './age.ts';

describe('ageOn', () => {
  it.each([
    ['1955-06-30', '2015-06-30', 60],
    ['1955-07-01', '2015-06-30', 59],
    ['2000-02-29', '2015-02-28', 14],
    ['2000-02-29', '2015-03-01', 15],
    ['2015-06-30', '2015-06-30', 0],
  ])('born %s, on %s: %i', (birth, on, age) => expect(ageOn(birth, on)).toBe(age));
});
