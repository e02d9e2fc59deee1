/**
 * 公民身份号码 (GB 11643-1999): 6-digit area code (GB/T 2260), 8-digit birth date, 3-digit sequence
 * (odd = male), ISO 7064 MOD 11-2 check character. Legacy 15-digit numbers (YYMMDD, 19xx) are upgraded.
 */
export type Sex = 'male' | 'female';
export type IdNumberFailure = 'length' | 'characters' | 'area' | 'birth_date' | 'check_digit';

export type ParsedIdNumber =
  | { ok: true; idNumber: string; birthDate: string; sex: Sex; areaPrefix: string; upgradedFrom15: boolean }
  | { ok: false; reason: IdNumberFailure; message: string };

export interface ParseIdNumberOptions {
  /** ISO date used as "today" for the not-in-the-future check; default: today in China (UTC+8). */
  today?: string;
}

// GB/T 2260 province-level codes, including 71 台湾, 81 香港, 82 澳门.
const PROVINCES = new Set([
  '11', '12', '13', '14', '15', '21', '22', '23', '31', '32', '33', '34', '35', '36', '37',
  '41', '42', '43', '44', '45', '46', '50', '51', '52', '53', '54', '61', '62', '63', '64', '65',
  '71', '81', '82',
]);
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARS = '10X98765432';
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** The MOD 11-2 check character of the first 17 digits. */
export function checkCharacter(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += (first17.charCodeAt(i) - 48) * (WEIGHTS[i] as number);
  return CHECK_CHARS[sum % 11] as string;
}

export function parseIdNumber(input: string, options: ParseIdNumberOptions = {}): ParsedIdNumber {
  const raw = input.trim().toUpperCase();
  if (raw.length !== 18 && raw.length !== 15) {
    return fail('length', `长度应为18位（旧号码15位），实际为${raw.length}位`);
  }
  const legacy = raw.length === 15;
  if (legacy ? !/^\d{15}$/.test(raw) : !/^\d{17}[\dX]$/.test(raw)) {
    return fail('characters', legacy ? '含有非法字符，15位旧号码应全为数字' : '含有非法字符，前17位应为数字，末位为数字或X');
  }
  const areaPrefix = raw.slice(0, 6);
  if (!PROVINCES.has(areaPrefix.slice(0, 2))) {
    return fail('area', `地址码${areaPrefix}无效，省级代码${areaPrefix.slice(0, 2)}不存在`);
  }
  const digits8 = legacy ? `19${raw.slice(6, 12)}` : raw.slice(6, 14);
  const birthDate = `${digits8.slice(0, 4)}-${digits8.slice(4, 6)}-${digits8.slice(6, 8)}`;
  if (!isRealDate(birthDate)) return fail('birth_date', `出生日期${digits8}不存在`);
  if (birthDate < '1900-01-01') return fail('birth_date', `出生日期${digits8}早于1900年`);
  if (birthDate > (options.today ?? todayInChina())) return fail('birth_date', `出生日期${digits8}晚于今天`);
  const first17 = legacy ? `${areaPrefix}${digits8}${raw.slice(12, 15)}` : raw.slice(0, 17);
  const check = checkCharacter(first17);
  if (!legacy && raw[17] !== check) return fail('check_digit', `校验码错误，应为${check}`);
  const sex: Sex = (first17.charCodeAt(16) - 48) % 2 === 1 ? 'male' : 'female';
  return { ok: true, idNumber: first17 + check, birthDate, sex, areaPrefix, upgradedFrom15: legacy };
}

/**
 * Builds a valid 18-character number. `sequence` is 0–999; when `sex` is given and the sequence's
 * parity disagrees, its lowest bit is flipped (so callers that need unique numbers should pass
 * 2k+1 for men and 2k for women). Throws RangeError on an impossible input.
 */
export function makeIdNumber(areaPrefix: string, birthDate: string, sequence: number, sex?: Sex): string {
  if (!/^\d{6}$/.test(areaPrefix) || !PROVINCES.has(areaPrefix.slice(0, 2))) {
    throw new RangeError(`invalid area prefix ${areaPrefix}`);
  }
  if (!isRealDate(birthDate)) throw new RangeError(`invalid birth date ${birthDate}`);
  if (!Number.isInteger(sequence) || sequence < 0 || sequence > 999) {
    throw new RangeError(`sequence must be an integer 0–999, got ${sequence}`);
  }
  const wantOdd = sex === undefined ? sequence % 2 === 1 : sex === 'male';
  const seq = (sequence % 2 === 1) === wantOdd ? sequence : sequence ^ 1;
  const first17 = areaPrefix + birthDate.replaceAll('-', '') + String(seq).padStart(3, '0');
  return first17 + checkCharacter(first17);
}

/** True for an ISO `YYYY-MM-DD` string naming a day that exists in the Gregorian calendar. */
export function isRealDate(iso: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(iso)) return false;
  const year = Number(iso.slice(0, 4)), month = Number(iso.slice(5, 7)), day = Number(iso.slice(8, 10));
  if (month < 1 || month > 12 || day < 1) return false;
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return day <= (month === 2 ? (leap ? 29 : 28) : DAYS_IN_MONTH[month - 1] as number);
}

function todayInChina(): string {
  return new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
}

function fail(reason: IdNumberFailure, message: string): ParsedIdNumber {
  return { ok: false, reason, message };
}
