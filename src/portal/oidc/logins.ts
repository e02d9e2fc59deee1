// The sign-ins under way (table portal_oidc_logins): what a callback must match. The only SQL of the OIDC sign-in.
import crypto from 'node:crypto';
import type { Database } from '../../db/engine.ts';
import '../tables.ts';

/** How long a citizen has at the issuer between start and callback. */
export const LOGIN_MINUTES = 10;

export const sha256 = (s: string) => crypto.createHash('sha256').update(s).digest('hex');

export interface PendingLogin {
  nonce: string;
  codeVerifier: string;
  redirectUri: string;
}

/** Records a sign-in started at `now` (only the state's hash is kept); drops the expired ones. */
export async function saveLogin(db: Database, state: string, login: PendingLogin, now: Date): Promise<void> {
  await db.kysely.deleteFrom('portal_oidc_logins').where('expires_at', '<', now).execute();
  await db.kysely
    .insertInto('portal_oidc_logins')
    .values({ state_hash: sha256(state), nonce: login.nonce, code_verifier: login.codeVerifier, redirect_uri: login.redirectUri, created_at: now, expires_at: new Date(now.getTime() + LOGIN_MINUTES * 60_000), used_at: null })
    .execute();
}

/** Uses up the sign-in of `state` (once, before it expires) and returns it; undefined when unknown, used or expired. */
export async function takeLogin(db: Database, state: string, now: Date): Promise<PendingLogin | undefined> {
  const row = await db.kysely
    .updateTable('portal_oidc_logins')
    .set({ used_at: now })
    .where('state_hash', '=', sha256(state))
    .where('used_at', 'is', null)
    .where('expires_at', '>', now)
    .returning(['nonce', 'code_verifier', 'redirect_uri'])
    .executeTakeFirst();
  return row && { nonce: row.nonce, codeVerifier: row.code_verifier, redirectUri: row.redirect_uri };
}
