import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkCharacter, isRealDate, makeIdNumber, parseIdNumber } from './id-number.ts';

const today = '2026-01-01';
const parse = (s: string) => parseIdNumber(s, { today });

// Worked check digit for 52270119900101123 (weights 7 9 10 5 8 4 2 1 6 3 7 9 10 5 8 4 2):
// 35+18+20+35+0+4+2+9+54+0+0+9+0+5+8+8+6 = 213; 213 mod 11 = 4; '10X98765432'[4] = '8'.
// 11010519491231002 (the example printed in GB 11643): sum 167; 167 mod 11 = 2 → 'X'.
// 52270219631120314: sum 244; 244 mod 11 = 2 → 'X' (sequence 314 is even: female).
const valid: [string, string, string, 'male' | 'female', boolean][] = [
  // input, normalised number, birth date, sex, upgraded from 15
  ['522701199001011238', '522701199001011238', '1990-01-01', 'male', false],
  ['11010519491231002X', '11010519491231002X', '1949-12-31', 'female', false],
  ['11010519491231002x', '11010519491231002X', '1949-12-31', 'female', false],
  ['  52270219631120314X ', '52270219631120314X', '1963-11-20', 'female', false],
  ['522728198506150028', '522728198506150028', '1985-06-15', 'female', false],
  ['522732200002290048', '522732200002290048', '2000-02-29', 'female', false],
  ['810000198001010014', '810000198001010014', '1980-01-01', 'male', false],
  // 15-digit legacy: 6 area + YYMMDD + 3 sequence, read as 19YY, check digit appended.
  ['522701900101123', '522701199001011238', '1990-01-01', 'male', true],
  ['110105491231002', '11010519491231002X', '1949-12-31', 'female', true],
];

const invalid: [string, string, string][] = [
  // input, reason, message
  ['', 'length', '长度应为18位（旧号码15位），实际为0位'],
  ['52270119900101123', 'length', '长度应为18位（旧号码15位），实际为17位'],
  ['5227011990010112388', 'length', '长度应为18位（旧号码15位），实际为19位'],
  ['52270119900101123A', 'characters', '含有非法字符，前17位应为数字，末位为数字或X'],
  ['5227011990X1011238', 'characters', '含有非法字符，前17位应为数字，末位为数字或X'],
  ['52270190010112X', 'characters', '含有非法字符，15位旧号码应全为数字'],
  ['992701199001011234', 'area', '地址码992701无效，省级代码99不存在'],
  ['002701199001011234', 'area', '地址码002701无效，省级代码00不存在'],
  ['522701199002301234', 'birth_date', '出生日期19900230不存在'],
  ['522701190002291234', 'birth_date', '出生日期19000229不存在'],
  ['522701199013011234', 'birth_date', '出生日期19901301不存在'],
  ['440524188001010014', 'birth_date', '出生日期18800101早于1900年'],
  ['522701203001011234', 'birth_date', '出生日期20300101晚于今天'],
  ['522701900231123', 'birth_date', '出生日期19900231不存在'],
  ['522701199001011234', 'check_digit', '校验码错误，应为8'],
  ['110105194912310021', 'check_digit', '校验码错误，应为X'],
];

describe('parseIdNumber', () => {
  it.each(valid)('accepts %s', (input, idNumber, birthDate, sex, upgradedFrom15) => {
    expect(parse(input)).toEqual({ ok: true, idNumber, birthDate, sex, areaPrefix: idNumber.slice(0, 6), upgradedFrom15 });
  });

  it.each(invalid)('rejects %s (%s)', (input, reason, message) => {
    expect(parse(input)).toEqual({ ok: false, reason, message });
  });

  it('accepts a birth date of today and rejects tomorrow', () => {
    const id = makeIdNumber('522701', '2025-12-31', 1);
    expect(parseIdNumber(id, { today: '2025-12-31' }).ok).toBe(true);
    expect(parseIdNumber(id, { today: '2025-12-30' })).toMatchObject({ ok: false, reason: 'birth_date' });
  });

  it('keeps abolished county codes (old numbers keep them)', () => {
    // 522121 (former 遵义县) no longer exists; the province 52 does.
    expect(parse(makeIdNumber('522121', '1970-05-05', 7)).ok).toBe(true);
  });
});

describe('makeIdNumber', () => {
  it('builds the number and follows the sex hint', () => {
    expect(makeIdNumber('522701', '1990-01-01', 123)).toBe('522701199001011238');
    expect(makeIdNumber('522701', '1990-01-01', 123, 'male')).toBe('522701199001011238');
    expect(makeIdNumber('522701', '1990-01-01', 123, 'female').slice(14, 17)).toBe('122');
    expect(makeIdNumber('522701', '1990-01-01', 999, 'female').slice(14, 17)).toBe('998');
  });

  it('rejects impossible input', () => {
    expect(() => makeIdNumber('992701', '1990-01-01', 1)).toThrow(RangeError);
    expect(() => makeIdNumber('5227', '1990-01-01', 1)).toThrow(RangeError);
    expect(() => makeIdNumber('522701', '1990-02-30', 1)).toThrow(RangeError);
    expect(() => makeIdNumber('522701', '1990-01-01', 1000)).toThrow(RangeError);
  });

  it('isRealDate knows leap years', () => {
    expect(isRealDate('2000-02-29')).toBe(true);
    expect(isRealDate('1900-02-29')).toBe(false);
    expect(isRealDate('2024-04-31')).toBe(false);
    expect(checkCharacter('11010519491231002')).toBe('X');
  });
});

const areaArb = fc.constantFrom('522701', '522702', '522722', '522732', '110105', '440524', '650102', '820000');
const dateArb = fc
  .date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2025-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));
const idArb = fc
  .tuple(areaArb, dateArb, fc.integer({ min: 0, max: 999 }), fc.constantFrom('male' as const, 'female' as const))
  .map(([area, date, seq, sex]) => ({ id: makeIdNumber(area, date, seq, sex), area, date, sex }));

describe('properties', () => {
  it('every generated number validates and reads back its parts', () => {
    fc.assert(
      fc.property(idArb, ({ id, area, date, sex }) => {
        expect(parse(id)).toEqual({ ok: true, idNumber: id, birthDate: date, sex, areaPrefix: area, upgradedFrom15: false });
      }),
    );
  });

  // MOD 11-2 weights are all non-zero mod the prime 11, so any single substituted digit changes the
  // sum mod 11; a substitution may also break the characters, province or date first. Either way
  // the changed number no longer parses.
  it('any single-character change is rejected', () => {
    const alphabet = fc.constantFrom(...'0123456789X', 'A', '-', '*');
    fc.assert(
      fc.property(idArb, fc.integer({ min: 0, max: 17 }), alphabet, ({ id }, pos, ch) => {
        fc.pre(id[pos] !== ch);
        const changed = id.slice(0, pos) + ch + id.slice(pos + 1);
        expect(parse(changed).ok).toBe(false);
      }),
      { numRuns: 2000 },
    );
  });

  it('every 15-digit legacy number upgrades to a valid 18-digit one with the same parts', () => {
    fc.assert(
      fc.property(idArb.filter(({ date }) => date.startsWith('19')), ({ id }) => {
        const legacy = id.slice(0, 6) + id.slice(8, 17);
        expect(parse(legacy)).toMatchObject({ ok: true, idNumber: id, upgradedFrom15: true });
      }),
    );
  });
});
