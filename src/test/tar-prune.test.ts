import { describe, expect, it } from 'vitest';
import { filterTar, under } from './tar-prune.ts';

/** A ustar entry as PGlite's dumps write them: a 512-byte header, then the data padded to 512. */
function entry(name: string, data = new Uint8Array(0), opts: { prefix?: string } = {}): Uint8Array {
  const header = new Uint8Array(512);
  const put = (at: number, s: string) => header.set(new TextEncoder().encode(s), at);
  put(0, name);
  put(124, `${data.length.toString(8).padStart(11, '0')}\0`);
  put(156, data.length > 0 ? '0' : '5');
  put(257, 'ustar\u000000');
  if (opts.prefix) put(345, opts.prefix);
  const out = new Uint8Array(512 + Math.ceil(data.length / 512) * 512);
  out.set(header);
  out.set(data, 512);
  return out;
}

function archive(...entries: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(entries.reduce((n, e) => n + e.length, 0) + 1024);
  let at = 0;
  for (const e of entries) {
    out.set(e, at);
    at += e.length;
  }
  return out;
}

function names(tar: Uint8Array): string[] {
  const seen: string[] = [];
  filterTar(tar, (name) => (seen.push(name), true));
  return seen;
}

describe('filterTar', () => {
  const bytes = (n: number, fill: number) => new Uint8Array(n).fill(fill);
  const tar = archive(
    entry('/base/1'),
    entry('/base/1/112', bytes(8192, 7)),
    entry('/base/5'),
    entry('/base/5/112', bytes(700, 9)),
    entry('/pg_wal/000000010000000000000002', bytes(1024, 0)),
    entry('112', bytes(10, 3), { prefix: '/base/10' }),
  );

  it('keeps the kept entries whole, header and padded data, in their order, and reads prefixed names', () => {
    const out = filterTar(tar, (name, data) => !under(name, '/base/1') && !(under(name, '/pg_wal') && data.every((b) => b === 0)));
    expect(names(out)).toEqual(['/base/5', '/base/5/112', '/base/10/112']);
    expect(out).toEqual(archive(entry('/base/5'), entry('/base/5/112', bytes(700, 9)), entry('112', bytes(10, 3), { prefix: '/base/10' })));
  });

  it('hands each entry its own data', () => {
    const sizes: Record<string, number[]> = {};
    filterTar(tar, (name, data) => ((sizes[name] = [data.length, data[0] ?? -1]), true));
    expect(sizes['/base/1/112']).toEqual([8192, 7]);
    expect(sizes['/base/5/112']).toEqual([700, 9]);
    expect(sizes['/base/1']).toEqual([0, -1]);
  });

  it('refuses what is not a ustar archive, or one cut short', () => {
    expect(() => filterTar(bytes(1024, 1), () => true)).toThrow(/not a ustar archive at byte 0/);
    expect(() => filterTar(archive(entry('/base/5/112', bytes(700, 9))).subarray(0, 1024), () => true)).toThrow(/cut short in \/base\/5\/112/);
  });
});

describe('under', () => {
  it('is the folder itself or a path below it, not a sibling sharing its start', () => {
    expect(under('/base/1', '/base/1')).toBe(true);
    expect(under('/base/1/', '/base/1')).toBe(true);
    expect(under('/base/1/112', '/base/1')).toBe(true);
    expect(under('/base/10/112', '/base/1')).toBe(false);
    expect(under('/base/5', '/base/1')).toBe(false);
  });
});
