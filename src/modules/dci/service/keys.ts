// Our own signing key: made at first start (or first use), kept in the database, published at
// /dci/.well-known/jwks.json; the newest unretired key signs tokens and callbacks.
import crypto, { type JsonWebKey } from 'node:crypto';
import type { Database } from '../../../db/engine.ts';
import { algorithm, DEFAULT_ALGORITHM, jwkThumbprint } from '../signature/algorithms.ts';
import type { SigningKey } from '../signature/envelope.ts';
import * as repo from '../repo/keys.ts';

export interface PublicJwk extends JsonWebKey {
  kty: string;
  kid: string;
  alg: string;
  use: 'sig';
}

/** The signing key, made when there is none. */
export async function signingKey(db: Database): Promise<SigningKey> {
  let rows = await repo.activeKeys(db.kysely);
  if (rows.length === 0) {
    const a = DEFAULT_ALGORITHM;
    const { privateKey, publicKey } = a.generate();
    const jwk = publicKey.export({ format: 'jwk' });
    const kid = jwkThumbprint(jwk);
    const publicJwk: PublicJwk = { ...jwk, kty: jwk.kty ?? 'OKP', kid, alg: a.jwtAlg, use: 'sig' };
    await repo.insertKey(db.kysely, { kid, algorithm: 'ed25519', private_pem: privateKey.export({ format: 'pem', type: 'pkcs8' }).toString(), public_jwk: JSON.stringify(publicJwk) });
    rows = await repo.activeKeys(db.kysely);
  }
  const row = rows[0];
  if (!row) throw new Error('dci: no signing key after creating one');
  const a = algorithm(row.algorithm);
  if (!a) throw new Error(`dci: key ${row.kid} has an unknown algorithm ${row.algorithm}`);
  return { kid: row.kid, privateKey: crypto.createPrivateKey(row.private_pem), algorithm: a };
}

/** Our public keys, as a JWKS. */
export async function ownJwks(db: Database): Promise<{ keys: PublicJwk[] }> {
  await signingKey(db);
  return { keys: (await repo.activeKeys(db.kysely)).map((r) => r.public_jwk as PublicJwk) };
}
