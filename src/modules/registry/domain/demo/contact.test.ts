import { describe, expect, it } from 'vitest';
import { createRandom } from '../../../../kernel/random.ts';
import { luhnDigit, randomBankAccount, randomMobile, villageShortName } from './contact.ts';

describe('contact details', () => {
  it.each([
    ['西园村村民委员会', '西园村'],
    ['良亩村委会', '良亩村'],
    ['广惠社区居民委员会', '广惠社区'],
    ['红星居委会', '红星'],
  ])('village %s is written %s in addresses', (name, short) => expect(villageShortName(name)).toBe(short));

  it('computes Luhn check digits of card numbers', () => {
    expect(luhnDigit('7992739871')).toBe('3'); // the textbook example 79927398713
  });

  it('makes 19-digit card numbers and 11-digit mobiles', () => {
    const rng = createRandom(1);
    for (let i = 0; i < 200; i++) {
      const { bankAccount } = randomBankAccount(rng, i % 2 === 0);
      expect(bankAccount).toMatch(/^\d{19}$/);
      expect(luhnDigit(bankAccount.slice(0, 18))).toBe(bankAccount[18]);
      expect(randomMobile(rng)).toMatch(/^1[358]\d{9}$/);
    }
  });
});
