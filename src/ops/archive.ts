// The backup archive: one file that says what it holds before holding it.
//
//   JIUZHU-BACKUP 1\n
//   {manifest as one line of JSON}\n
//   payload bytes (PGlite: the data folder as a gzip tar; PostgreSQL: pg_dump's custom format)
//
// The manifest carries the engine, the last migration applied, every table's row count at the moment of the
// snapshot and the payload's SHA-256, so that a restore refuses a damaged file or one from newer code and then
// proves the restored data is the data that was saved.
import crypto from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { pipeline } from 'node:stream/promises';
import { z } from 'zod';
import { AppError } from '../kernel/errors.ts';
import './error-codes.ts';

const MAGIC = 'JIUZHU-BACKUP 1\n';

export const manifestSchema = z.object({
  format: z.literal(1),
  engine: z.enum(['pglite', 'postgres']),
  createdAt: z.string(),
  /** Every migration applied, in order ("0138_intake_referral_details"). */
  migrations: z.array(z.string()),
  /** Row count of every table at the snapshot. */
  tables: z.record(z.string(), z.number().int().nonnegative()),
  auditEntries: z.number().int().nonnegative(),
  payloadBytes: z.number().int().nonnegative(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
});
export type Manifest = z.infer<typeof manifestSchema>;

/** SHA-256 and length of a file's bytes from `start` on, read as a stream (a server's dump may be gigabytes). */
async function digestFile(file: string, start = 0): Promise<{ sha256: string; bytes: number }> {
  const hash = crypto.createHash('sha256');
  let bytes = 0;
  for await (const chunk of createReadStream(file, { start })) {
    const b = chunk as Buffer;
    hash.update(b);
    bytes += b.byteLength;
  }
  return { sha256: hash.digest('hex'), bytes };
}

/** Writes the archive: the manifest, then the payload (in memory, or a file streamed in). */
export async function writeArchive(file: string, manifest: Omit<Manifest, 'payloadBytes' | 'sha256'>, payload: Uint8Array | { file: string }): Promise<Manifest> {
  const digest = payload instanceof Uint8Array
    ? { sha256: crypto.createHash('sha256').update(payload).digest('hex'), bytes: payload.byteLength }
    : await digestFile(payload.file);
  const full: Manifest = { ...manifest, payloadBytes: digest.bytes, sha256: digest.sha256 };
  const out = createWriteStream(file, { mode: 0o600 });
  async function* parts() {
    yield Buffer.from(`${MAGIC}${JSON.stringify(full)}\n`, 'utf8');
    if (payload instanceof Uint8Array) yield payload;
    else yield* createReadStream(payload.file);
  }
  await pipeline(parts, out);
  return full;
}

function damaged(file: string, why: string): AppError {
  return new AppError('backup_damaged', `备份文件 ${file} 无法使用：${why} / backup ${file} cannot be used: ${why}`, 400);
}

/** Reads only the manifest (the first two lines), for `restore --check` and the version check before the payload. */
export async function readManifest(file: string): Promise<{ manifest: Manifest; payloadOffset: number }> {
  const handle = await open(file, 'r').catch(() => {
    throw new AppError('backup_not_found', `找不到备份文件 ${file} / no such backup file`, 400);
  });
  try {
    const head = Buffer.alloc(64 * 1024 * 4);
    const { bytesRead } = await handle.read(head, 0, head.length, 0);
    const text = head.subarray(0, bytesRead);
    if (text.subarray(0, MAGIC.length).toString('utf8') !== MAGIC) throw damaged(file, '不是 Jiuzhu 备份 / not a Jiuzhu backup');
    const end = text.indexOf(0x0a, MAGIC.length);
    if (end < 0) throw damaged(file, '清单不完整 / manifest cut short');
    let parsed: unknown;
    try {
      parsed = JSON.parse(text.subarray(MAGIC.length, end).toString('utf8'));
    } catch {
      throw damaged(file, '清单不是 JSON / manifest is not JSON');
    }
    const result = manifestSchema.safeParse(parsed);
    if (!result.success) throw damaged(file, `清单字段 ${result.error.issues[0]?.path.join('.') ?? ''} 不对 / bad manifest field`);
    return { manifest: result.data, payloadOffset: end + 1 };
  } finally {
    await handle.close();
  }
}

/** The manifest, once the payload's length and checksum match it; the payload is read from `payloadOffset` on. */
export async function checkArchive(file: string): Promise<{ manifest: Manifest; payloadOffset: number }> {
  const { manifest, payloadOffset } = await readManifest(file);
  const { sha256, bytes } = await digestFile(file, payloadOffset);
  if (bytes !== manifest.payloadBytes) throw damaged(file, `数据长度 ${bytes} 与清单 ${manifest.payloadBytes} 不符（文件被截断？）/ payload length differs (truncated?)`);
  if (sha256 !== manifest.sha256) throw damaged(file, '校验和不符（文件被改动或损坏）/ checksum mismatch');
  return { manifest, payloadOffset };
}

