import { describe, expect, it } from 'vitest';
import { addWorkingDays, isWorkingDay, workingDaysBetween } from './working-days.ts';

// Holidays from the 国务院办公厅 notices: 2015 国庆 10-01..10-07 off, Sat 10-10 worked;
// 2016 春节 02-07..02-13 off, Sat 02-06 and Sun 02-14 worked.
describe('working days', () => {
  it('knows holidays and swapped working days', () => {
    expect(isWorkingDay('2015-10-05')).toBe(false);
    expect(isWorkingDay('2015-10-10')).toBe(true);
    expect(isWorkingDay('2015-10-11')).toBe(false);
    expect(isWorkingDay('2016-02-14')).toBe(true);
  });

  it('adds working days, start day excluded', () => {
    expect(addWorkingDays('2015-09-30', 1)).toBe('2015-10-08');
    expect(addWorkingDays('2015-09-30', 3)).toBe('2015-10-10');
    expect(addWorkingDays('2016-02-05', 2)).toBe('2016-02-14');
    expect(addWorkingDays('2015-10-03', 0)).toBe('2015-10-03');
  });

  it('counts working days in (a, b]', () => {
    expect(workingDaysBetween('2015-09-28', '2015-10-16')).toBe(10);
    expect(workingDaysBetween('2015-10-16', '2015-09-28')).toBe(-10);
    expect(workingDaysBetween('2016-02-06', '2016-02-13')).toBe(0);
    expect(workingDaysBetween('2015-10-01', '2015-10-01')).toBe(0);
  });

  it('rejects bad input', () => {
    expect(() => addWorkingDays('2015-02-30', 1)).toThrow(/Not an ISO date/);
    expect(() => addWorkingDays('2015-02-03', -1)).toThrow(/non-negative/);
  });
});
