// Cell values of an uploaded table (the settlement and caseload imports): amounts in yuan (up to 2 decimals) to fen by their digits, never
// through a float product; dates as Excel writes them (YYYY-MM-DD, YYYY/M/D, YYYYMMDD or a date cell's
// serial number). Each parser answers a value or a Chinese reason.
import { isRealDate } from '../id-number.ts';
import type { Cell } from './table.ts';

export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };
const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const bad = <T>(message: string): Parsed<T> => ({ ok: false, message });

export const cellText = (c: Cell): string => (c === undefined ? '' : String(c).trim());

const YUAN = /^([+-]?)(\d{1,13})(?:\.(\d{1,2})0*)?$/;

/** Digits of a number cell: a binary double written from "12.3" reads 12.3; one like 0.1 + 0.2 is rounded to its shortest 2-decimal form when it is that value. */
function numberText(n: number): string | null {
  if (!Number.isFinite(n)) return null;
  const plain = String(n);
  if (/^-?\d+(\.\d+)?$/.test(plain)) return plain;
  const fixed = n.toFixed(2);
  return Number(fixed) === n ? fixed : null;
}

/** Yuan (text or number cell, up to 2 decimals, thousands separators allowed) → fen; blank → `blank`. */
const PLAIN_YUAN = /^(\d{1,13})(?:\.(\d{1,2}))?$/;

export function fenOfCell(c: Cell, blank: number | null): Parsed<number> {
  // The common case, plain digits with up to two decimals, without the clean-up below.
  const plain = typeof c === 'string' ? PLAIN_YUAN.exec(c) : null;
  if (plain) return ok(Number(plain[1]) * 100 + (plain[2] === undefined ? 0 : Number(plain[2].padEnd(2, '0'))));
  const raw = typeof c === 'number' ? numberText(c) : cellText(c).replace(/[,，\s]/g, '').replace(/元$/, '');
  if (raw === '' || raw === null) {
    if (raw === '' && blank !== null) return ok(blank);
    return raw === '' ? bad('不能为空') : bad(`“${String(c)}”不是金额`);
  }
  const m = YUAN.exec(raw);
  if (!m) return /^[+-]?\d+\.\d{3,}$/.test(raw) ? bad(`“${raw}”超过两位小数，金额以元计，精确到分`) : bad(`“${raw}”不是金额，应填以元计的数字`);
  const fen = Number(m[2]) * 100 + Number((m[3] ?? '').padEnd(2, '0'));
  if (m[1] === '-' && fen !== 0) return bad(`金额不能为负数（${raw}）`);
  return ok(fen);
}

const EXCEL_EPOCH = Date.UTC(1899, 11, 30);

/** A date cell → `YYYY-MM-DD`; blank → null. */
export function dateOfCell(c: Cell): Parsed<string | null> {
  if (typeof c === 'number') {
    if (!Number.isInteger(c) || c < 1 || c > 2_958_465) return bad(`“${c}”不是日期`);
    return ok(new Date(EXCEL_EPOCH + c * 86_400_000).toISOString().slice(0, 10));
  }
  const t = cellText(c);
  if (t === '') return ok(null);
  const m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(t) ?? /^(\d{4})(\d{2})(\d{2})$/.exec(t);
  const iso = m ? `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}` : '';
  if (!m || !isRealDate(iso)) return bad(`“${t}”不是有效日期，应为 YYYY-MM-DD`);
  return ok(iso);
}
