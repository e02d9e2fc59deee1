import crypto from 'node:crypto';
import type { Database } from '../../db/engine.ts';
import { userScope, type Scope } from '../../kernel/scope.ts';
import { AppError } from '../../kernel/errors.ts';
import { appendAudit } from '../../kernel/audit/append.ts';
import { verifyPassword } from '../users/index.ts';
import * as users from '../users/index.ts';
import { toUser, type User } from '../users/index.ts';
import * as repo from './repo.ts';

/** Login throttling: failures per user name and per client address within a window. */
export const THROTTLE = { windowMinutes: 15, maxPerUsername: 5, maxPerIp: 30 };

const hashToken = (token: string) => crypto.createHash('sha256').update(token).digest('hex');

export async function login(db: Database, input: { username: string; password: string; ip: string; kind: 'cookie' | 'api'; hours: number; label?: string | undefined }): Promise<{ user: User; token: string }> {
  const since = new Date(Date.now() - THROTTLE.windowMinutes * 60_000);
  const [byUser, byIp] = await Promise.all([
    repo.recentFailures(db.kysely, 'username', input.username, since),
    repo.recentFailures(db.kysely, 'ip', input.ip, since),
  ]);
  if (byUser >= THROTTLE.maxPerUsername || byIp >= THROTTLE.maxPerIp) {
    throw new AppError('too_many_attempts', `登录失败次数过多，请 ${THROTTLE.windowMinutes} 分钟后再试`, 429, { retryAfterSeconds: THROTTLE.windowMinutes * 60 });
  }
  const row = await users.findByUsername(db.kysely, input.username);
  const ok = row !== undefined && row.active && (await verifyPassword(row.password_hash, input.password));
  await repo.recordAttempt(db.kysely, { username: input.username, ip: input.ip, success: ok });
  if (!ok || !row) throw new AppError('invalid_credentials', '用户名或密码错误', 401);
  const user = toUser(row);
  const token = crypto.randomBytes(32).toString('base64url');
  await db.kysely.transaction().execute(async (tx) => {
    await repo.insertSession(tx, {
      token_hash: hashToken(token),
      user_id: user.id,
      kind: input.kind,
      label: input.label ?? null,
      expires_at: new Date(Date.now() + input.hours * 3600_000),
    });
    await appendAudit(tx, userScope(user), { action: input.kind === 'api' ? 'auth.token' : 'auth.login', entity: 'user', entityId: String(user.id), areaCode: user.areaCode });
  });
  return { user, token };
}

export async function resolveToken(db: Database, token: string): Promise<User | undefined> {
  const id = await repo.findSessionUser(db.kysely, hashToken(token));
  if (id === undefined) return undefined;
  const row = await users.findById(db.kysely, id);
  return row ? toUser(row) : undefined;
}

export async function logout(db: Database, scope: Scope, token: string): Promise<void> {
  await db.kysely.transaction().execute(async (tx) => {
    await repo.deleteSession(tx, hashToken(token));
    await appendAudit(tx, scope, { action: 'auth.logout', entity: 'user', entityId: String(scope.userId), areaCode: scope.areaCode });
  });
}
