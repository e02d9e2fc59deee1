import { describe, expect, it } from 'vitest';
import { MAX_FAILURES, tokenThrottle, WINDOW_MS } from './token-throttle.ts';

describe('token endpoint throttle', () => {
  it('refuses an address after 10 failures in 15 minutes, saying how long to wait, and lets it in after the window', () => {
    let now = 1_000_000;
    const t = tokenThrottle(() => now);
    for (let i = 0; i < MAX_FAILURES; i++) {
      t.check('10.0.0.1');
      t.fail('10.0.0.1');
      now += 1000;
    }
    expect(() => t.check('10.0.0.1')).toThrow(/秒后再试/);
    expect(() => t.check('10.0.0.2')).not.toThrow();
    now += WINDOW_MS;
    expect(() => t.check('10.0.0.1')).not.toThrow();
  });
});
