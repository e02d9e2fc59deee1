import type { Database } from '../../db/engine.ts';
import { AppError } from '../../kernel/errors.ts';
import * as repo from './repo.ts';
import { afterAttempt, THROTTLE, waitSeconds, waitText } from './throttle.ts';

/**
 * Checks a password under the login throttle. The attempt is first reserved — counted as a failure
 * on its user name + address, user name and address, in one transaction holding those counters'
 * row locks — and refused with 429 if any of them asks to wait; only a reserved attempt reaches
 * `verify`. So N parallel guesses cannot all be checked: at most the free attempts are.
 */
export async function throttledCheck(db: Database, who: { username: string; ip: string }, verify: () => Promise<boolean>): Promise<boolean> {
  const pair: repo.ThrottleKey = { kind: 'pair', username: who.username, ip: who.ip };
  const user: repo.ThrottleKey = { kind: 'user', username: who.username, ip: '' };
  const ip: repo.ThrottleKey = { kind: 'ip', username: '', ip: who.ip };
  // Always pair, user, ip: concurrent transactions lock in the same order and cannot deadlock.
  const counted = await db.kysely.transaction().execute(async (tx) => {
    const pairCounter = await repo.lockCounter(tx, pair, new Date());
    // The time once the lock is ours: an attempt that waited for it must not see the one before it as future.
    const now = new Date();
    const known = pairCounter.succeededAt !== null && now.getTime() - pairCounter.succeededAt.getTime() < THROTTLE.knownAddressDays * 86_400_000;
    const keys = known ? [pair, ip] : [pair, user, ip];
    const counters = [pairCounter];
    for (const k of keys.slice(1)) counters.push(await repo.lockCounter(tx, k, now));
    const wait = Math.max(...keys.map((k, i) => waitSeconds(THROTTLE[k.kind], counters[i]!, now)));
    if (wait > 0) {
      throw new AppError('too_many_attempts', `登录失败次数过多，请 ${waitText(wait)}后再试`, 429, { retryAfterSeconds: wait });
    }
    for (const [i, k] of keys.entries()) await repo.saveCounter(tx, k, afterAttempt(THROTTLE[k.kind], counters[i]!, now));
    return keys;
  });
  const ok = await verify();
  await db.kysely.transaction().execute(async (tx) => {
    if (ok) await repo.settleSuccess(tx, pair, counted.slice(1), new Date());
    await repo.recordAttempt(tx, { username: who.username, ip: who.ip, success: ok });
  });
  await pruneNowAndThen(db);
  return ok;
}

const PRUNE_EVERY_MS = 10 * 60_000;
let prunedAt = 0;

/** Forgotten counters are deleted by the logins themselves, at most every 10 minutes per process. */
async function pruneNowAndThen(db: Database): Promise<void> {
  if (Date.now() - prunedAt < PRUNE_EVERY_MS) return;
  prunedAt = Date.now();
  await repo.pruneThrottle(db.kysely, new Date(), { pair: THROTTLE.pair, user: THROTTLE.user, ip: THROTTLE.ip }, THROTTLE.knownAddressDays);
}
