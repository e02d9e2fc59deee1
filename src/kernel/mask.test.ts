import { describe, expect, it } from 'vitest';
import { maskBankAccount, maskIdNumber, maskMiddle, maskName, maskPhone } from './mask.ts';

type Row = [string | null | undefined, string];

describe('maskIdNumber', () => {
  it.each<Row>([
    ['522701199001011234', '522701********1234'],
    ['11010519491231002X', '110105********002X'],
    ['522701900101123', '522701*****1123'],
    [' 522701199001011234 ', '522701********1234'],
    ['5227011234', '**********'],
    ['123', '***'],
    ['', ''],
    [null, ''],
    [undefined, ''],
  ])('%s → %s', (input, expected) => expect(maskIdNumber(input)).toBe(expected));
});

describe('maskPhone', () => {
  it.each<Row>([
    ['13812345678', '138****5678'],
    ['0854-8221234', '085*****1234'],
    ['8221234', '*******'],
    ['', ''],
  ])('%s → %s', (input, expected) => expect(maskPhone(input)).toBe(expected));
});

describe('maskBankAccount', () => {
  it.each<Row>([
    ['6228480012345678901', '***************8901'],
    ['62284800123', '*******0123'],
    ['1234', '****'],
    ['', ''],
  ])('%s → %s', (input, expected) => expect(maskBankAccount(input)).toBe(expected));
});

describe('maskName', () => {
  it.each<Row>([
    ['张三丰', '张*丰'],
    ['张三', '张*'],
    ['欧阳娜娜', '欧**娜'],
    ['阿依古丽·买买提', '阿******提'],
    ['𠀾三', '𠀾*'],
    ['张', '*'],
    ['', ''],
    [null, ''],
  ])('%s → %s', (input, expected) => expect(maskName(input)).toBe(expected));
});

describe('maskMiddle', () => {
  it('never shows more characters than it is asked to keep', () => {
    for (const s of ['a', 'ab', 'abcdef', 'abcdefghijkl']) {
      const masked = maskMiddle(s, 2, 2);
      expect(masked).toHaveLength(s.length);
      expect(masked.replaceAll('*', '').length).toBeLessThanOrEqual(4);
    }
  });
});
