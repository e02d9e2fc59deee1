// Guessing client secrets at the token endpoint: after MAX_FAILURES failures from one address within WINDOW_MS,
// that address waits out the window (429 with Retry-After). Per process, in memory: a restart forgets, which
// a 256-bit secret can afford.
import { AppError } from '../../../kernel/errors.ts';

export const MAX_FAILURES = 10;
export const WINDOW_MS = 15 * 60_000;

export function tokenThrottle(now: () => number = Date.now) {
  const failures = new Map<string, number[]>();
  const recent = (ip: string) => (failures.get(ip) ?? []).filter((t) => t > now() - WINDOW_MS);
  return {
    /** Refuses an address that failed too often lately. */
    check(ip: string): void {
      const list = recent(ip);
      if (list.length >= MAX_FAILURES) {
        const wait = Math.ceil((list[0]! + WINDOW_MS - now()) / 1000);
        throw new AppError('dci_too_many_attempts', `取令牌失败次数过多，请 ${wait} 秒后再试`, 429, { retryAfterSeconds: wait });
      }
    },
    fail(ip: string): void {
      const list = recent(ip);
      list.push(now());
      failures.set(ip, list);
      if (failures.size > 10_000) failures.delete(failures.keys().next().value as string);
    },
  };
}
