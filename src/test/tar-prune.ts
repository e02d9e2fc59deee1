// Filtering a PGlite data dump (an uncompressed ustar archive, as dumpDataDir('none') writes it).

const BLOCK = 512;

function text(block: Uint8Array, start: number, length: number): string {
  const bytes = block.subarray(start, start + length);
  const end = bytes.indexOf(0);
  return new TextDecoder().decode(end === -1 ? bytes : bytes.subarray(0, end));
}

/** The archive with only the entries (file or folder) that `keep` keeps, given their path in the archive and data. */
export function filterTar(tar: Uint8Array, keep: (name: string, data: Uint8Array) => boolean): Uint8Array {
  const kept: Uint8Array[] = [];
  let at = 0;
  while (at + BLOCK <= tar.length) {
    const header = tar.subarray(at, at + BLOCK);
    if (header.every((b) => b === 0)) break;
    if (text(header, 257, 5) !== 'ustar') throw new Error(`not a ustar archive at byte ${at}`);
    const size = Number.parseInt(text(header, 124, 12).trim() || '0', 8);
    const prefix = text(header, 345, 155);
    const name = prefix ? `${prefix}/${text(header, 0, 100)}` : text(header, 0, 100);
    const end = at + BLOCK + Math.ceil(size / BLOCK) * BLOCK;
    if (end > tar.length) throw new Error(`archive cut short in ${name}`);
    if (keep(name, tar.subarray(at + BLOCK, at + BLOCK + size))) kept.push(tar.subarray(at, end));
    at = end;
  }
  const out = new Uint8Array(kept.reduce((n, k) => n + k.length, 0) + 2 * BLOCK);
  let to = 0;
  for (const k of kept) {
    out.set(k, to);
    to += k.length;
  }
  return out;
}

/** Whether `path` is `folder` or under it. */
export function under(path: string, folder: string): boolean {
  return path === folder || path.startsWith(folder.endsWith('/') ? folder : `${folder}/`);
}
