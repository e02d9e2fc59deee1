import { describe, expect, it } from 'vitest';
import { msUntil } from './schedule.ts';

describe('daily rescreen schedule', () => {
  it('waits until the next HH:MM in China time', () => {
    // 2026-11-30 18:00 UTC = 2026-12-01 02:00 in China: 03:30 is 1.5 h away, 01:00 is 23 h away.
    const now = new Date('2026-11-30T18:00:00Z');
    expect(msUntil('03:30', now)).toBe(90 * 60_000);
    expect(msUntil('01:00', now)).toBe(23 * 3_600_000);
  });
  it('takes seconds too (HH:MM:SS)', () => {
    const now = new Date('2026-11-30T18:00:00Z');
    expect(msUntil('02:00:05', now)).toBe(5_000);
    expect(msUntil('02:00:00', now)).toBe(24 * 3_600_000);
  });
});
