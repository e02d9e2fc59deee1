// The canonical JSON that SPDCI signatures cover: byte for byte what Python writes with
// json.dumps(value, sort_keys=True, separators=(",", ":")) (ensure_ascii on), since the other systems
// (OpenSPP and its kin) sign and verify with that. A form that differs in one escape breaks every signature
// over a Chinese name.

export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

const SHORT_ESCAPES: Record<string, string> = { '"': '\\"', '\\': '\\\\', '\n': '\\n', '\r': '\\r', '\t': '\\t', '\b': '\\b', '\f': '\\f' };

/** Python's ensure_ascii string: printable ASCII as is, the short escapes, everything else `\uXXXX` (lower-case hex; astral characters as their UTF-16 surrogate pair). */
export function pythonString(s: string): string {
  let out = '"';
  for (let i = 0; i < s.length; i++) {
    const ch = s[i]!;
    const short = SHORT_ESCAPES[ch];
    if (short) out += short;
    else {
      const unit = s.charCodeAt(i);
      out += unit >= 0x20 && unit <= 0x7e ? ch : `\\u${unit.toString(16).padStart(4, '0')}`;
    }
  }
  return `${out}"`;
}

/**
 * A number as Python prints it. JSON integers are ints in Python and print as digits; JavaScript cannot tell
 * `1.0` from `1`, so an integral value within the safe range prints as an int. Other values print as Python's
 * float repr: the shortest round-trip digits, fixed notation for decimal exponents −4 ≤ e < 16, otherwise
 * `d.ddde±XX` (at least two exponent digits).
 */
export function pythonNumber(n: number): string {
  if (!Number.isFinite(n)) throw new Error(`canonical JSON: ${n} is not a JSON number`);
  if (Number.isSafeInteger(n)) return String(Object.is(n, -0) ? 0 : n);
  const [mantissa = '', exp = '0'] = Math.abs(n).toExponential().split('e');
  const digits = mantissa.replace('.', '');
  const e = Number(exp);
  const sign = n < 0 ? '-' : '';
  if (e >= -4 && e < 16) {
    if (e < 0) return `${sign}0.${'0'.repeat(-e - 1)}${digits}`;
    const whole = digits.padEnd(e + 1, '0');
    const int = whole.slice(0, e + 1);
    const frac = digits.slice(e + 1);
    return `${sign}${int}.${frac === '' ? '0' : frac}`;
  }
  const m = digits.length > 1 ? `${digits[0]}.${digits.slice(1)}` : digits;
  return `${sign}${m}e${e < 0 ? '-' : '+'}${String(Math.abs(e)).padStart(2, '0')}`;
}

/** Python sorts keys by code point; JavaScript's `<` compares UTF-16 units, which differs past U+FFFF. */
function byCodePoint(a: string, b: string): number {
  const x = Array.from(a);
  const y = Array.from(b);
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    const d = x[i]!.codePointAt(0)! - y[i]!.codePointAt(0)!;
    if (d !== 0) return d;
  }
  return x.length - y.length;
}

/** `json.dumps(value, sort_keys=True, separators=(",", ":"))`; `undefined` members are left out, as JSON.stringify does. */
export function canonicalJson(value: unknown): string {
  if (value === null) return 'null';
  if (value === true) return 'true';
  if (value === false) return 'false';
  if (typeof value === 'number') return pythonNumber(value);
  if (typeof value === 'string') return pythonString(value);
  if (Array.isArray(value)) return `[${value.map((v) => (v === undefined ? 'null' : canonicalJson(v))).join(',')}]`;
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
    entries.sort(([a], [b]) => byCodePoint(a, b));
    return `{${entries.map(([k, v]) => `${pythonString(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  throw new Error(`canonical JSON: cannot encode a ${typeof value}`);
}
