// Verifies an OIDC id_token (a compact JWS) with node:crypto: the signature (RS256 or ES256, a key of the
// issuer's JWKS), then iss, aud/azp, exp, iat and nonce (OIDC Core §3.1.3.7).
import crypto from 'node:crypto';
import { z } from 'zod';
import { AppError } from '../../kernel/errors.ts';
import type { SigningKey } from './issuer.ts';

/** Tolerated difference between our clock and the issuer's. */
export const CLOCK_SKEW_SECONDS = 60;

export const TOKEN_INVALID = '统一身份认证返回的登录凭证未通过校验，未能登录；请重新登录或改用短信验证码登录';
export type TokenFailure = 'malformed' | 'algorithm' | 'signature' | 'issuer' | 'audience' | 'expired' | 'issued_at' | 'nonce';
const invalid = (reason: TokenFailure) => new AppError('oidc_token_invalid', TOKEN_INVALID, 502, { reason });

const B64URL = /^[A-Za-z0-9_-]*$/;
const headerSchema = z.object({ alg: z.string(), kid: z.string().optional(), crit: z.unknown().optional() });
const claimsSchema = z.looseObject({
  iss: z.string(),
  sub: z.string().min(1),
  aud: z.union([z.string(), z.array(z.string()).min(1)]),
  azp: z.string().optional(),
  exp: z.number(),
  iat: z.number(),
  nonce: z.string().optional(),
});
export type IdTokenClaims = z.infer<typeof claimsSchema>;

export interface IdTokenExpectations {
  issuer: string;
  clientId: string;
  nonce: string;
  now: Date;
  /** The issuer's keys; called again with `refresh` when no cached key matches the token's kid. */
  keys(refresh: boolean): Promise<SigningKey[]>;
}

function decodeJson(part: string): unknown {
  try {
    return JSON.parse(Buffer.from(part, 'base64url').toString('utf8')) as unknown;
  } catch {
    return null;
  }
}

function signedBy(key: SigningKey, input: string, signature: Buffer): boolean {
  const data = Buffer.from(input, 'ascii');
  try {
    // A JWS ES256 signature is r‖s (64 bytes), not DER.
    return key.alg === 'ES256'
      ? signature.length === 64 && crypto.verify('sha256', data, { key: key.key, dsaEncoding: 'ieee-p1363' }, signature)
      : crypto.verify('sha256', data, key.key, signature);
  } catch {
    return false;
  }
}

export async function verifyIdToken(token: string, expect: IdTokenExpectations): Promise<IdTokenClaims> {
  const parts = token.split('.');
  if (parts.length !== 3 || !parts.every((p) => B64URL.test(p))) throw invalid('malformed');
  const [headerPart = '', payloadPart = '', signaturePart = ''] = parts;
  const header = headerSchema.safeParse(decodeJson(headerPart));
  if (!header.success) throw invalid('malformed');
  const { alg, kid, crit } = header.data;
  if ((alg !== 'RS256' && alg !== 'ES256') || crit !== undefined) throw invalid('algorithm');

  const candidates = (keys: SigningKey[]) => keys.filter((k) => k.alg === alg && (kid === undefined || k.kid === kid));
  let keys = candidates(await expect.keys(false));
  // The issuer may have rotated its keys since they were cached.
  if (keys.length === 0) keys = candidates(await expect.keys(true));
  const signature = Buffer.from(signaturePart, 'base64url');
  if (!keys.some((k) => signedBy(k, `${headerPart}.${payloadPart}`, signature))) throw invalid('signature');

  const parsed = claimsSchema.safeParse(decodeJson(payloadPart));
  if (!parsed.success) throw invalid('malformed');
  const claims = parsed.data;
  if (claims.iss !== expect.issuer) throw invalid('issuer');
  const audiences = typeof claims.aud === 'string' ? [claims.aud] : claims.aud;
  if (!audiences.includes(expect.clientId)) throw invalid('audience');
  if ((audiences.length > 1 || claims.azp !== undefined) && claims.azp !== expect.clientId) throw invalid('audience');
  const now = expect.now.getTime() / 1000;
  if (claims.exp <= now - CLOCK_SKEW_SECONDS) throw invalid('expired');
  if (claims.iat > now + CLOCK_SKEW_SECONDS) throw invalid('issued_at');
  if (claims.nonce === undefined || !sameString(claims.nonce, expect.nonce)) throw invalid('nonce');
  return claims;
}

/** Equality of two secrets without an early exit. */
export function sameString(a: string, b: string): boolean {
  const x = crypto.createHash('sha256').update(a).digest();
  const y = crypto.createHash('sha256').update(b).digest();
  return crypto.timingSafeEqual(x, y);
}
