// The day a test file runs on, whatever the wall clock says: its expected dates (deadlines, notice periods, "in the
// future" checks) are then worked out from a date that does not move. JIUZHU_TEST_TODAY moves it, to show that a
// file holds on any day (e.g. JIUZHU_TEST_TODAY=2026-12-31, the last day of a year).
import { afterAll, beforeAll } from 'vitest';
import { fixedClock, useClock, type Clock } from '../kernel/clock.ts';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Runs the calling suite on the process clock stopped at noon (China time) of `date` (or JIUZHU_TEST_TODAY), from its
 * first beforeAll to its last afterAll: call it first in the describe. Returns the date, for the expected values.
 * Spawned processes (servers, the CLI) keep the real clock.
 */
export function onFixedDate(date: string): string {
  const today = process.env.JIUZHU_TEST_TODAY || date;
  if (!ISO_DATE.test(today)) throw new Error(`JIUZHU_TEST_TODAY: not a date (YYYY-MM-DD): ${today}`);
  let previous: Clock | undefined;
  beforeAll(() => {
    previous = useClock(fixedClock(today));
  });
  afterAll(() => {
    if (previous) useClock(previous);
  });
  return today;
}
