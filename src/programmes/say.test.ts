// The report's Chinese numbers: a rate's change is told in percentage points (集中供养率 39% after 35% is
// 提高4个百分点, not 增长11.43%).
import { describe, expect, it } from 'vitest';
import { say } from './stats.ts';

describe('say.points', () => {
  const cases: [number | null, number | null, string][] = [
    [0.39, 0.35, '提高4.00个百分点'],
    [0.35, 0.39, '降低4.00个百分点'],
    [0.3912, 0.3912, '与上年持平'],
    [0.5, 0.125, '提高37.50个百分点'],
    [0.39, null, '上年无可比数据'],
    [null, 0.39, '上年无可比数据'],
  ];
  for (const [now, then, text] of cases) it(`${now} after ${then} → ${text}`, () => expect(say.points(now, then)).toBe(text));
});
