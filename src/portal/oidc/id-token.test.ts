// The id_token checks of the portal's OIDC sign-in, without an issuer: algorithms, signatures, keys.
import crypto from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { signJwt, testKey } from '../../test/oidc-issuer.ts';
import { verifyIdToken } from './id-token.ts';
import { signingKeyOf } from './issuer.ts';

describe('id_token checks', () => {
  const rsa = testKey('RS256', 'r1');
  const ec = testKey('ES256', 'e1');
  const keys = [rsa, ec].map((k) => signingKeyOf(k.publicJwk)!);
  const now = new Date();
  const t = Math.floor(now.getTime() / 1000);
  const claims = { iss: 'https://idp.example.org', sub: 's1', aud: 'client', exp: t + 60, iat: t, nonce: 'n1' };
  const check = (token: string) => verifyIdToken(token, { issuer: 'https://idp.example.org', clientId: 'client', nonce: 'n1', now, keys: async () => keys });
  const reason = async (token: string) => check(token).then(() => 'accepted', (e: { details?: { reason?: string } }) => e.details?.reason);

  it('accepts RS256 and ES256 from the published keys', async () => {
    await expect(check(signJwt(claims, rsa))).resolves.toMatchObject({ sub: 's1' });
    await expect(check(signJwt(claims, ec))).resolves.toMatchObject({ sub: 's1' });
  });

  it('refuses alg none, HS256, crit, a swapped algorithm and garbage', async () => {
    const part = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');
    expect(await reason(`${part({ alg: 'none' })}.${part(claims)}.`)).toBe('algorithm');
    expect(await reason(`${part({ alg: 'HS256', kid: 'r1' })}.${part(claims)}.c2ln`)).toBe('algorithm');
    expect(await reason(signJwt(claims, rsa, { crit: ['exp'] }))).toBe('algorithm');
    // An RSA signature presented as ES256 under the EC key's kid.
    const [, body, sig] = signJwt(claims, rsa).split('.');
    expect(await reason(`${part({ alg: 'ES256', kid: 'e1' })}.${body}.${sig}`)).toBe('signature');
    expect(await reason('not-a-token')).toBe('malformed');
    expect(await reason(`${part({ alg: 'RS256' })}.!!.x`)).toBe('malformed');
  });

  it('skips keys it must not use: short RSA, another curve, encryption keys', () => {
    const short = crypto.generateKeyPairSync('rsa', { modulusLength: 1024 }).publicKey.export({ format: 'jwk' });
    const p384 = crypto.generateKeyPairSync('ec', { namedCurve: 'P-384' }).publicKey.export({ format: 'jwk' });
    expect(signingKeyOf(short)).toBeNull();
    expect(signingKeyOf(p384)).toBeNull();
    expect(signingKeyOf({ ...rsa.publicJwk, use: 'enc' })).toBeNull();
    expect(signingKeyOf({ kty: 'RSA', n: 'x', e: 'AQAB' })).toBeNull();
  });
});
