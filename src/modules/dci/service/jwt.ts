// Short-lived access tokens of the client-credentials grant: compact JWS (RFC 7515/7519) signed with our
// key, `alg` EdDSA. Written here on node:crypto (the only algorithm we issue and accept is ours).
import crypto from 'node:crypto';
import type { Database } from '../../../db/engine.ts';
import { algorithm, publicKeyOf } from '../signature/algorithms.ts';
import * as keys from '../repo/keys.ts';
import { signingKey } from './keys.ts';

export const TOKEN_ISSUER = 'jiuzhu';
export const TOKEN_AUDIENCE = 'jiuzhu-dci';
export const TOKEN_SECONDS = 900;

export interface TokenClaims {
  iss: string;
  sub: string;
  aud: string;
  iat: number;
  exp: number;
  jti: string;
}

const b64 = (v: unknown) => Buffer.from(JSON.stringify(v), 'utf8').toString('base64url');

export async function issueToken(db: Database, clientId: string, now = new Date()): Promise<{ token: string; expiresIn: number }> {
  const key = await signingKey(db);
  const iat = Math.floor(now.getTime() / 1000);
  const claims: TokenClaims = { iss: TOKEN_ISSUER, sub: clientId, aud: TOKEN_AUDIENCE, iat, exp: iat + TOKEN_SECONDS, jti: crypto.randomUUID() };
  const input = `${b64({ alg: key.algorithm.jwtAlg, typ: 'JWT', kid: key.kid })}.${b64(claims)}`;
  const signature = key.algorithm.sign(key.privateKey, Buffer.from(input, 'ascii')).toString('base64url');
  return { token: `${input}.${signature}`, expiresIn: TOKEN_SECONDS };
}

function decode(part: string): Record<string, unknown> | null {
  try {
    const v: unknown = JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
    return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/** The client id of a valid token of ours, or null (bad form, unknown key, bad signature, expired, other issuer or audience). */
export async function verifyToken(db: Database, token: string, now = new Date()): Promise<string | null> {
  const parts = token.split('.');
  if (parts.length !== 3 || parts.some((p) => !/^[A-Za-z0-9_-]+$/.test(p))) return null;
  const [h, p, s] = parts as [string, string, string];
  const header = decode(h);
  const claims = decode(p);
  if (!header || !claims || typeof header.kid !== 'string') return null;
  const row = (await keys.activeKeys(db.kysely)).find((k) => k.kid === header.kid);
  if (!row) return null;
  const a = algorithm(row.algorithm);
  const key = publicKeyOf(row.public_jwk as crypto.JsonWebKey);
  if (!a || !key || header.alg !== a.jwtAlg) return null;
  if (!a.verify(key, Buffer.from(`${h}.${p}`, 'ascii'), Buffer.from(s, 'base64url'))) return null;
  const t = Math.floor(now.getTime() / 1000);
  if (claims.iss !== TOKEN_ISSUER || claims.aud !== TOKEN_AUDIENCE || typeof claims.sub !== 'string') return null;
  if (typeof claims.exp !== 'number' || claims.exp <= t || typeof claims.iat !== 'number' || claims.iat > t + 60) return null;
  return claims.sub;
}
