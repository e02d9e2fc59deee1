/**
 * Masking of personal data for screens and public notices (公示): a role that does not need the full
 * value sees only enough to recognise it. Input too short to keep its ends is masked entirely, so a
 * short or malformed value never shows more than a well-formed one would.
 */
type Maybe = string | null | undefined;

/** Keeps `keepStart` and `keepEnd` characters; every character in between becomes `*`. */
export function maskMiddle(value: Maybe, keepStart: number, keepEnd: number): string {
  const chars = Array.from((value ?? '').trim());
  if (chars.length === 0) return '';
  if (chars.length <= keepStart + keepEnd) return '*'.repeat(chars.length);
  const hidden = chars.length - keepStart - keepEnd;
  return chars.slice(0, keepStart).join('') + '*'.repeat(hidden) + chars.slice(chars.length - keepEnd).join('');
}

/** `522701199001011234` → `522701********1234` (area code and last 4 kept). */
export function maskIdNumber(value: Maybe): string {
  return maskMiddle(value, 6, 4);
}

/** `13812345678` → `138****5678`. */
export function maskPhone(value: Maybe): string {
  return maskMiddle(value, 3, 4);
}

/** `6228480012345678901` → `***************8901`. */
export function maskBankAccount(value: Maybe): string {
  return maskMiddle(value, 0, 4);
}

/** `张三丰` → `张*丰`, `张三` → `张*`, `欧阳娜娜` → `欧**娜`; a one-character name becomes `*`. */
export function maskName(value: Maybe): string {
  const chars = Array.from((value ?? '').trim());
  if (chars.length === 2) return `${chars[0]}*`;
  return maskMiddle(value, 1, 1);
}
