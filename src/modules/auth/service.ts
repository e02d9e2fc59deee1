import crypto from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/engine.ts';
import type { DB } from '../../db/schema.ts';
import { userScope, type Scope } from '../../kernel/scope.ts';
import { AppError } from '../../kernel/errors.ts';
import { appendAudit } from '../../kernel/audit/append.ts';
import * as users from '../users/index.ts';
import { toUser, type User } from '../users/index.ts';
import { throttledCheck } from './guard.ts';
import * as repo from './repo.ts';

const hashToken = (token: string) => crypto.createHash('sha256').update(token).digest('hex');

async function newSession(tx: Kysely<DB>, s: { userId: number; kind: 'cookie' | 'api'; label: string | null; expiresAt: Date }): Promise<string> {
  const token = crypto.randomBytes(32).toString('base64url');
  await repo.insertSession(tx, { token_hash: hashToken(token), user_id: s.userId, kind: s.kind, label: s.label, expires_at: s.expiresAt });
  return token;
}

/**
 * Logs in (throttled: guard.ts). A session the request came with is ended: a login never keeps a
 * session someone may have planted or left behind (session fixation).
 */
const decoys = new Map<string, Promise<string>>();
/** A hash of a random password, made once per hashing cost: what an unknown user name is checked against. */
function decoyHash(): Promise<string> {
  const cost = JSON.stringify(users.hashParameters());
  let decoy = decoys.get(cost);
  if (!decoy) decoys.set(cost, (decoy = users.hashPassword(crypto.randomBytes(16).toString('hex'))));
  return decoy;
}

export async function login(db: Database, input: { username: string; password: string; ip: string; kind: 'cookie' | 'api'; hours: number; label?: string | undefined; replacing?: string | null }): Promise<{ user: User; token: string }> {
  const row = await users.findByUsername(db.kysely, input.username);
  // An unknown or inactive user name costs one hash check too, so timing does not tell which names exist.
  const ok = await throttledCheck(db, { username: input.username, ip: input.ip }, async () => {
    const matches = await users.verifyPassword(row?.password_hash ?? (await decoyHash()), input.password);
    return row !== undefined && row.active && matches;
  });
  if (!ok || !row) throw new AppError('invalid_credentials', '用户名或密码错误', 401);
  const user = toUser(row);
  const token = await db.kysely.transaction().execute(async (tx) => {
    const replaced = input.replacing ? await repo.deleteSession(tx, hashToken(input.replacing)) : false;
    const token = await newSession(tx, { userId: user.id, kind: input.kind, label: input.label ?? null, expiresAt: new Date(Date.now() + input.hours * 3600_000) });
    await appendAudit(tx, userScope(user), {
      action: input.kind === 'api' ? 'auth.token' : 'auth.login',
      entity: 'user',
      entityId: String(user.id),
      areaCode: user.areaCode,
      ...(replaced ? { after: { previousSessionEnded: true } } : {}),
    });
    return token;
  });
  if (input.replacing) users.forgetSession(db, hashToken(input.replacing));
  return { user, token };
}

/**
 * Changes the caller's own password: the current one is checked under the login throttle, the new
 * one against the policy. Every session of the user ends; the current one is replaced by a new
 * session of the same kind (a cookie session gets `hours` more, an API token keeps its expiry).
 */
export async function changePassword(db: Database, scope: Scope, input: { token: string; currentPassword: string; newPassword: string; ip: string; hours: number }): Promise<{ token: string; kind: 'cookie' | 'api' }> {
  const row = scope.userId === null ? undefined : await users.findById(db.kysely, scope.userId);
  const session = await repo.findSession(db.kysely, hashToken(input.token));
  if (!row || !session || session.user_id !== row.id) throw AppError.unauthorized();
  const ok = await throttledCheck(db, { username: row.username, ip: input.ip }, () => users.verifyPassword(row.password_hash, input.currentPassword));
  if (!ok) throw AppError.field('currentPassword', '当前密码不正确', 'wrong_password');
  if (input.newPassword === input.currentPassword) throw AppError.field('newPassword', '新密码不能与当前密码相同', 'weak_password');
  await users.requireStrongPassword(input.newPassword, [row.username, row.display_name], 'newPassword');
  const hash = await users.hashPassword(input.newPassword);
  const token = await db.kysely.transaction().execute(async (tx) => {
    await users.setPassword(tx, row.id, hash);
    const sessionsEnded = await users.revokeSessions(tx, row.id);
    const expiresAt = session.kind === 'cookie' ? new Date(Date.now() + input.hours * 3600_000) : session.expires_at;
    const token = await newSession(tx, { userId: row.id, kind: session.kind, label: session.label, expiresAt });
    await appendAudit(tx, scope, { action: 'auth.password', entity: 'user', entityId: String(row.id), areaCode: row.area_code, after: { sessionsEnded } });
    return token;
  });
  users.forgetUserSessions(db, row.id);
  return { token, kind: session.kind };
}

/** The user of a session token; cached for a few seconds (src/modules/users/session-cache.ts). */
export async function resolveToken(db: Database, token: string): Promise<User | undefined> {
  const hash = hashToken(token);
  return users.cachedSessionUser(db, hash, async () => {
    const row = await repo.findSessionUser(db.kysely, hash);
    return row ? { user: toUser(row), expiresAt: row.session_expires_at } : undefined;
  });
}

export async function logout(db: Database, scope: Scope, token: string): Promise<void> {
  await db.kysely.transaction().execute(async (tx) => {
    await repo.deleteSession(tx, hashToken(token));
    await appendAudit(tx, scope, { action: 'auth.logout', entity: 'user', entityId: String(scope.userId), areaCode: scope.areaCode });
  });
  users.forgetSession(db, hashToken(token));
}
