// POST /ops/backup: the running server writes a backup of its PGlite data folder and sends it (src/ops/control.ts).
// Not an API route: answered only from loopback with the token of the server's note; anything else is "not found".
import crypto from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { App, AppContext } from '../server/context.ts';
import { AppError } from '../kernel/errors.ts';

const LOOPBACK = /^(127\.\d{1,3}\.\d{1,3}\.\d{1,3}|::1|::ffff:127\.\d{1,3}\.\d{1,3}\.\d{1,3})$/;
export const OPS_TOKEN_HEADER = 'x-jiuzhu-ops-token';

const digest = (s: string) => crypto.createHash('sha256').update(s).digest();

export function opsRoutes(app: App, ctx: AppContext, token: string): void {
  app.post('/ops/backup', { config: { auth: 'public' }, schema: { hide: true } }, async (req, reply) => {
    const given = req.headers[OPS_TOKEN_HEADER];
    const forwarded = req.headers['x-forwarded-for'] !== undefined || req.headers.forwarded !== undefined;
    if (typeof given !== 'string' || forwarded || !LOOPBACK.test(req.socket.remoteAddress ?? '') || !crypto.timingSafeEqual(digest(given), digest(token))) {
      throw new AppError('not_found', `没有这个地址：${req.method} /ops/backup`, 404);
    }
    const dir = await mkdtemp(join(tmpdir(), 'jiuzhu-backup-'));
    const file = join(dir, 'backup.jzb');
    // Loaded when asked (it brings pg for the server engine's pg_dump path): not part of a start.
    const { backup } = await import('./backup.ts');
    const manifest = await backup({ db: ctx.db, databaseUrl: ctx.config.databaseUrl }, file);
    req.log.info({ tables: Object.keys(manifest.tables).length, auditEntries: manifest.auditEntries }, 'backup sent');
    const stream = createReadStream(file);
    stream.on('close', () => void rm(dir, { recursive: true, force: true }));
    return reply.header('content-type', 'application/octet-stream').send(stream);
  });
}
