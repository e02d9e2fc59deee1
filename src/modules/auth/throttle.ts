// Login throttling rules and the arithmetic of backoff; guard.ts applies them atomically.

export interface ThrottleRule {
  /** Failures allowed before waiting. */
  free: number;
  /** The wait after the `free`-th failure; it doubles with each further failure… */
  baseSeconds: number;
  /** …up to this. */
  capSeconds: number;
  /** Failures older than this (counted from the first of them) are forgotten once no wait is due. */
  windowSeconds: number;
}

export type ThrottleKind = 'pair' | 'user' | 'ip';

export const THROTTLE: Record<ThrottleKind, ThrottleRule> & { knownAddressDays: number } = {
  /** One user name from one address: the lockout, 1 min after 5 failures, then 2, 4, 8 … up to 30 min. */
  pair: { free: 5, baseSeconds: 60, capSeconds: 30 * 60, windowSeconds: 24 * 3600 },
  /** One user name from any address: slows guessing from many addresses (1 s doubling to 60 s). */
  user: { free: 10, baseSeconds: 1, capSeconds: 60, windowSeconds: 3600 },
  /** One address across all user names (password spraying); generous, an office shares one address. */
  ip: { free: 50, baseSeconds: 60, capSeconds: 15 * 60, windowSeconds: 15 * 60 },
  /** An address the user logged in from successfully within this many days is exempt from `user`. */
  knownAddressDays: 90,
};

export interface Counter {
  failures: number;
  windowStart: Date;
  lastAt: Date | null;
}

/** Whole seconds to wait before the next attempt; 0 when it may go ahead. */
export function waitSeconds(rule: ThrottleRule, c: Counter, now: Date): number {
  if (c.failures < rule.free || c.lastAt === null) return 0;
  const delay = Math.min(rule.baseSeconds * 2 ** (c.failures - rule.free), rule.capSeconds);
  return Math.max(0, Math.ceil((c.lastAt.getTime() + delay * 1000 - now.getTime()) / 1000));
}

/** The counter once an attempt goes ahead: counted as a failure until the password proves right. */
export function afterAttempt(rule: ThrottleRule, c: Counter, now: Date): Counter {
  const stale = now.getTime() - c.windowStart.getTime() > rule.windowSeconds * 1000;
  return stale ? { failures: 1, windowStart: now, lastAt: now } : { failures: c.failures + 1, windowStart: c.windowStart, lastAt: now };
}

/** "30 秒" / "2 分钟" for the message of a refusal. */
export function waitText(seconds: number): string {
  return seconds < 60 ? `${seconds} 秒` : `${Math.ceil(seconds / 60)} 分钟`;
}
