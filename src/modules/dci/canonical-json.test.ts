// The canonical form against Python's json.dumps(sort_keys=True, separators=(",",":")): expected strings made
// once with python3 (the command is in each row's comment) and kept here; Python is not called at test time.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson, pythonNumber } from './canonical-json.ts';

describe('canonical JSON as Python writes it', () => {
  it.each([
    ['a Chinese name', { name: '韦文峰', family_name: '韦' }, '{"family_name":"\\u97e6","name":"\\u97e6\\u6587\\u5cf0"}'],
    ['header and message with a name and an emoji',
      { message: { q: '蒙广惠 😀 ok' }, header: { sender_id: '医保局', message_ts: '2026-12-07T10:00:00+08:00' } },
      '{"header":{"message_ts":"2026-12-07T10:00:00+08:00","sender_id":"\\u533b\\u4fdd\\u5c40"},"message":{"q":"\\u8499\\u5e7f\\u60e0 \\ud83d\\ude00 ok"}}'],
    ['control characters, DEL and the short escapes',
      ['\u0000\u0001\u001f\u007f\u0080', 'tab\tnl\nret\rbs\bff\f', 'quote"slash/back\\'],
      '["\\u0000\\u0001\\u001f\\u007f\\u0080","tab\\tnl\\nret\\rbs\\bff\\f","quote\\"slash/back\\\\"]'],
    // Python orders keys by code point: U+FF01 before U+1F600, though its UTF-16 unit is larger than 0xD83D.
    ['keys by code point', { '\uff01': 1, '😀': 2, a: 3, B: 4, '': 5 }, '{"":5,"B":4,"a":3,"\\uff01":1,"\\ud83d\\ude00":2}'],
    ['numbers', [0, -1, 1.5, -2.25, 0.1, 1e-5, 0.0001, 123456.789, 1e16, 1.5e300, 5e-324, 9007199254740991, 1234567.5, 1e22, 2.5e-7],
      '[0,-1,1.5,-2.25,0.1,1e-05,0.0001,123456.789,1e+16,1.5e+300,5e-324,9007199254740991,1234567.5,1e+22,2.5e-07]'],
    ['literals, nesting and empties', { t: true, f: false, n: null, nested: { z: [{ b: 1, a: 2 }], a: {} }, empty: [] },
      '{"empty":[],"f":false,"n":null,"nested":{"a":{},"z":[{"a":2,"b":1}]},"t":true}'],
    ['a lone surrogate', { lone: '\ud800x' }, '{"lone":"\\ud800x"}'],
  ])('%s', (_what, value, python) => {
    expect(canonicalJson(value)).toBe(python);
  });

  it('leaves out undefined members and refuses what JSON cannot hold', () => {
    expect(canonicalJson({ a: undefined, b: 1 })).toBe('{"b":1}');
    expect(() => pythonNumber(Number.NaN)).toThrow();
    expect(() => canonicalJson({ f: () => 1 })).toThrow();
  });

  it('is ASCII and parses back to the same value', () => {
    fc.assert(fc.property(fc.jsonValue(), (value) => {
      const text = canonicalJson(value);
      expect(/^[\x20-\x7e]*$/.test(text)).toBe(true);
      expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify(value)));
    }), { numRuns: 300 });
  });
});
