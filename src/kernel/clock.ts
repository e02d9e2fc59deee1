// The clock every time limit and period is counted on: China's civil date (Asia/Shanghai), whatever the
// server's own zone. Injectable: tests and procedure cases run on a fixed date.

export interface Clock {
  /** Today's civil date in China, YYYY-MM-DD. */
  today(): string;
  now(): Date;
}

export const CHINA_TIME_ZONE = 'Asia/Shanghai';

/** Made once: `toLocaleDateString` with options builds a formatter per call (a noticeable share of a cheap request). */
const CHINA_DAY = new Intl.DateTimeFormat('sv-SE', { timeZone: CHINA_TIME_ZONE });

/** The civil date of an instant in China. */
export function chinaDate(at: Date): string {
  return CHINA_DAY.format(at);
}

export const systemClock: Clock = {
  today: () => chinaDate(new Date()),
  now: () => new Date(),
};

/** A clock stopped at noon (China time) of `date`. */
export function fixedClock(date: string): Clock {
  const at = new Date(`${date}T12:00:00+08:00`);
  return { today: () => date, now: () => at };
}

let current: Clock = systemClock;

/** Swaps the process clock (tests); returns the previous one. */
export function useClock(next: Clock): Clock {
  const previous = current;
  current = next;
  return previous;
}

export function clock(): Clock {
  return current;
}

/** Today's civil date in China (Asia/Shanghai), the calendar every time limit is counted on. */
export function todayInChina(): string {
  return current.today();
}
