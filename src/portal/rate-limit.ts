// A modest per-address limit on the whole portal API: a fixed one-minute window per client address,
// in memory (one server process; behind several, the gateway should limit too).
import { AppError } from '../kernel/errors.ts';

export const PORTAL_REQUESTS_PER_MINUTE = 120;

export function rateLimiter(limit = PORTAL_REQUESTS_PER_MINUTE, windowMs = 60_000, now: () => number = Date.now) {
  const windows = new Map<string, { start: number; count: number }>();
  return (ip: string): void => {
    const t = now();
    if (windows.size > 10_000) for (const [k, w] of windows) if (t - w.start >= windowMs) windows.delete(k);
    let w = windows.get(ip);
    if (!w || t - w.start >= windowMs) windows.set(ip, (w = { start: t, count: 0 }));
    w.count += 1;
    if (w.count > limit) {
      const wait = Math.max(1, Math.ceil((w.start + windowMs - t) / 1000));
      throw new AppError('too_many_requests', `请求过于频繁，请 ${wait} 秒后再试`, 429, { retryAfterSeconds: wait });
    }
  };
}
