// Citizen sign-in: one-time SMS codes and portal sessions (README in this folder: security rules).
import crypto from 'node:crypto';
import { sql, type Transaction } from 'kysely';
import type { Database } from '../db/engine.ts';
import type { DB } from '../db/schema.ts';
import { appendAudit } from '../kernel/audit/append.ts';
import { chinaDate, clock } from '../kernel/clock.ts';
import { AppError } from '../kernel/errors.ts';
import { parseIdNumber } from '../kernel/id-number.ts';
import { maskIdNumber, maskName } from '../kernel/mask.ts';
import { citizenScope, type CitizenScope } from '../kernel/scope.ts';
import { databaseParameterSet } from '../modules/policy/index.ts';
import { citizenHouseholds, contactOf } from '../modules/registry/index.ts';
import type { SmsProvider } from './sms/index.ts';
import './tables.ts';

export const CODE_MINUTES = 'portal.code_minutes';
/** Codes per ID number, and per client address, in any hour. */
export const CODES_PER_HOUR = 5;
/** Guesses per code; the code is dead after them. */
export const ATTEMPTS_PER_CODE = 5;
export const IDLE_MINUTES = 30;
export const SESSION_HOURS = 8;

/** The one answer to a code request, whoever asks: it never tells whether the person is registered. */
export const CODE_SENT = '若号码与登记信息一致，验证码已发送';
const MOBILE = /^1[3-9]\d{9}$/;

const sha256 = (s: string) => crypto.createHash('sha256').update(s).digest('hex');

function hashCode(code: string, salt = crypto.randomBytes(16).toString('hex')): string {
  return `${salt}$${sha256(`${salt}:${code}`)}`;
}

function codeMatches(stored: string, code: string): boolean {
  const [salt = '', hash = ''] = stored.split('$');
  const given = Buffer.from(sha256(`${salt}:${code}`), 'hex');
  const expected = Buffer.from(hash, 'hex');
  return given.length === expected.length && crypto.timingSafeEqual(given, expected);
}

/** The ID number checked (check digit included) and normalised, or a 400 naming `idNumber`. */
export function checkedIdNumber(input: string): string {
  const parsed = parseIdNumber(input);
  if (!parsed.ok) throw AppError.field('idNumber', `身份证号码无效：${parsed.message}`, 'invalid_id_number');
  if (parsed.upgradedFrom15) throw AppError.field('idNumber', '请填写18位身份证号码', 'invalid_id_number');
  return parsed.idNumber;
}

function checkedPhone(input: string): string {
  const phone = input.trim();
  if (!MOBILE.test(phone)) throw AppError.field('phone', '手机号码应为11位中国大陆手机号', 'invalid_phone');
  return phone;
}

function tooMany(waitSeconds: number): AppError {
  const minutes = Math.max(1, Math.ceil(waitSeconds / 60));
  return new AppError('too_many_codes', `获取验证码过于频繁，请 ${minutes} 分钟后再试`, 429, { retryAfterSeconds: Math.max(1, waitSeconds) });
}

/**
 * Sends a sign-in code. A registry member's code goes only to the phone the registry holds for their
 * household (none when the phone given differs); a person not in the registry gets it at the phone
 * given. The caller always gets the same answer. Limited per ID number and per address per hour.
 */
export async function requestCode(db: Database, sms: SmsProvider, input: { idNumber: string; phone: string; ip: string }): Promise<void> {
  const idNumber = checkedIdNumber(input.idNumber);
  const phone = checkedPhone(input.phone);
  const now = clock().now();
  const hourAgo = new Date(now.getTime() - 3600_000);
  await db.kysely.transaction().execute(async (tx) => {
    // Serialises requests for the same ID number and the same address (always in this order).
    await sql`select pg_advisory_xact_lock(hashtext(${`portal.id:${idNumber}`}))`.execute(tx);
    await sql`select pg_advisory_xact_lock(hashtext(${`portal.ip:${input.ip}`}))`.execute(tx);
    for (const [column, value] of [['id_number', idNumber], ['ip', input.ip]] as const) {
      const rows = await tx.selectFrom('portal_code_requests').select('requested_at').where(column, '=', value).where('requested_at', '>', hourAgo).orderBy('requested_at').execute();
      if (rows.length >= CODES_PER_HOUR) {
        const oldest = rows[rows.length - CODES_PER_HOUR]!.requested_at;
        throw tooMany(Math.ceil((oldest.getTime() + 3600_000 - now.getTime()) / 1000));
      }
    }
    await tx.insertInto('portal_code_requests').values({ id_number: idNumber, ip: input.ip, requested_at: now }).execute();
  });

  const registered = await contactOf(db, idNumber);
  const to = registered ? registered.phone : phone;
  if (registered && registered.phone !== phone) return;

  const minutes = Number((await databaseParameterSet(db)).get(CODE_MINUTES, registered?.villageCode ?? 'CN', chinaDate(now)).value);
  const code = String(crypto.randomInt(0, 1_000_000)).padStart(6, '0');
  const row = await db.kysely
    .insertInto('portal_codes')
    .values({ id_number: idNumber, phone: to, code_hash: hashCode(code), created_at: now, expires_at: new Date(now.getTime() + minutes * 60_000), consumed_at: null })
    .returning('id')
    .executeTakeFirstOrThrow();
  try {
    await sms.send(to, `【救助】您的登录验证码为 ${code}，${minutes} 分钟内有效。请勿告诉他人。`);
  } catch (err) {
    await db.kysely.updateTable('portal_codes').set({ consumed_at: now }).where('id', '=', row.id).execute();
    throw err;
  }
}

const wrongCode = () => AppError.field('code', '验证码错误或已过期', 'invalid_code');

/** Checks a code (the latest one for the ID number, at most 5 guesses) and opens a session; returns its token. */
export async function verifyCode(db: Database, input: { idNumber: string; code: string }): Promise<{ token: string; scope: CitizenScope }> {
  const idNumber = checkedIdNumber(input.idNumber);
  if (!/^\d{6}$/.test(input.code)) throw AppError.field('code', '验证码应为6位数字', 'invalid_code');
  const now = clock().now();
  // Counts the guess before checking it, atomically: parallel guesses cannot exceed the limit.
  const live = await sql<{ id: string; code_hash: string }>`
    update portal_codes set attempts = attempts + 1
    where id = (select id from portal_codes where id_number = ${idNumber} order by created_at desc, id desc limit 1)
      and consumed_at is null and expires_at > ${now} and attempts < ${ATTEMPTS_PER_CODE}
    returning id, code_hash`.execute(db.kysely);
  const found = live.rows[0];
  if (!found || !codeMatches(found.code_hash, input.code)) throw wrongCode();

  return openSession(db, idNumber, 'sms', async (tx) => {
    const used = await tx.updateTable('portal_codes').set({ consumed_at: now }).where('id', '=', Number(found.id)).where('consumed_at', 'is', null).executeTakeFirst();
    if (used.numUpdatedRows === 0n) throw wrongCode();
  });
}

export type SignInMethod = 'sms' | 'oidc';

/**
 * Opens a portal session for a checked ID number, whatever the sign-in method, and audits `portal.login`;
 * `within` runs first in the same transaction (using up the SMS code). Returns the cookie's token.
 */
export async function openSession(db: Database, idNumber: string, method: SignInMethod, within?: (tx: Transaction<DB>) => Promise<void>): Promise<{ token: string; scope: CitizenScope }> {
  const now = clock().now();
  const contact = await contactOf(db, idNumber);
  const token = crypto.randomBytes(32).toString('base64url');
  await db.kysely.transaction().execute(async (tx) => {
    await within?.(tx);
    await tx.insertInto('portal_sessions').values({ token_hash: sha256(token), id_number: idNumber, created_at: now, last_seen_at: now, expires_at: new Date(now.getTime() + SESSION_HOURS * 3600_000), revoked_at: null }).execute();
    await appendAudit(tx, auditActor(idNumber), { action: 'portal.login', entity: 'citizen', entityId: maskIdNumber(idNumber), areaCode: contact?.villageCode ?? null, after: { registered: contact !== undefined, method } });
  });
  return { token, scope: scopeOf(idNumber, contact) };
}

/** The audit's actor for a citizen: their ID number masked, as staff screens show it. */
const auditActor = (idNumber: string) => ({ userId: null, userName: maskIdNumber(idNumber) });

function scopeOf(idNumber: string, contact: Awaited<ReturnType<typeof contactOf>>): CitizenScope {
  return citizenScope({ idNumber, name: contact?.name ?? '', villageCode: contact?.villageCode ?? '', households: contact ? [contact.householdNo] : [] });
}

/** The citizen of a live session (not revoked, idle under 30 minutes, under 8 hours old), which it keeps alive. */
export async function resolveSession(db: Database, token: string): Promise<CitizenScope | undefined> {
  const now = clock().now();
  const row = await db.kysely
    .updateTable('portal_sessions')
    .set({ last_seen_at: now })
    .where('token_hash', '=', sha256(token))
    .where('revoked_at', 'is', null)
    .where('expires_at', '>', now)
    .where('last_seen_at', '>', new Date(now.getTime() - IDLE_MINUTES * 60_000))
    .returning('id_number')
    .executeTakeFirst();
  if (!row) return undefined;
  return scopeOf(row.id_number, await contactOf(db, row.id_number));
}

export async function logout(db: Database, scope: CitizenScope, token: string): Promise<void> {
  const now = clock().now();
  await db.kysely.transaction().execute(async (tx) => {
    await tx.updateTable('portal_sessions').set({ revoked_at: now }).where('token_hash', '=', sha256(token)).where('revoked_at', 'is', null).execute();
    await appendAudit(tx, auditActor(scope.idNumber), { action: 'portal.logout', entity: 'citizen', entityId: maskIdNumber(scope.idNumber), areaCode: scope.areaCode || null });
  });
}

/** The masked presenter of the signed-in citizen: their name and ID, and only their own households. */
export async function me(db: Database, scope: CitizenScope) {
  const households = await citizenHouseholds(db, scope);
  return {
    name: scope.userName ? maskName(scope.userName) : null,
    idNumber: maskIdNumber(scope.idNumber),
    households: households.map((h) => ({ householdNo: h.householdNo, villageName: h.villageName, members: h.memberNames.map((n) => ({ name: maskName(n) })) })),
  };
}
