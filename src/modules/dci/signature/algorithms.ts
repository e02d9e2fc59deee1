// Signature algorithms of SPDCI messages and tokens, pluggable: Ed25519 now; SM2 with SM3 (GB/T 32918, GB/T 32905)
// is added by registering another `SignatureAlgorithm` under its name (e.g. 'sm2-sm3'), once the runtime has it.
import crypto, { type JsonWebKey, type KeyObject } from 'node:crypto';

export interface SignatureAlgorithm {
  /** The name in `algorithm="…"` of a MsgSignature and in our key table. */
  readonly name: string;
  /** The JWT `alg` of tokens signed with it. */
  readonly jwtAlg: string;
  /** Whether the JWK is a public key of this algorithm (kty/crv). */
  accepts(jwk: JsonWebKey): boolean;
  /** The bytes signed for a message: its digest (Ed25519: SHA-256 of the canonical JSON). */
  digest(data: Buffer): Buffer;
  sign(privateKey: KeyObject, data: Buffer): Buffer;
  verify(publicKey: KeyObject, data: Buffer, signature: Buffer): boolean;
  generate(): { privateKey: KeyObject; publicKey: KeyObject };
}

const ed25519: SignatureAlgorithm = {
  name: 'ed25519',
  jwtAlg: 'EdDSA',
  accepts: (jwk) => jwk.kty === 'OKP' && jwk.crv === 'Ed25519' && typeof jwk.x === 'string',
  digest: (data) => crypto.createHash('sha256').update(data).digest(),
  sign: (privateKey, data) => crypto.sign(null, data, privateKey),
  verify: (publicKey, data, signature) => {
    try {
      return crypto.verify(null, data, publicKey, signature);
    } catch {
      return false;
    }
  },
  generate: () => crypto.generateKeyPairSync('ed25519'),
};

const ALGORITHMS = new Map<string, SignatureAlgorithm>([[ed25519.name, ed25519]]);

export function registerAlgorithm(a: SignatureAlgorithm): void {
  ALGORITHMS.set(a.name, a);
}

export function algorithm(name: string): SignatureAlgorithm | null {
  return ALGORITHMS.get(name.toLowerCase()) ?? null;
}

export const DEFAULT_ALGORITHM = ed25519;

/** The algorithm a public JWK belongs to, or null. */
export function algorithmOfJwk(jwk: JsonWebKey): SignatureAlgorithm | null {
  for (const a of ALGORITHMS.values()) if (a.accepts(jwk)) return a;
  return null;
}

/** RFC 7638 thumbprint of an OKP key (the members crv, kty, x in order), base64url: our `kid`. */
export function jwkThumbprint(jwk: JsonWebKey): string {
  const canonical = JSON.stringify({ crv: jwk.crv, kty: jwk.kty, x: jwk.x });
  return crypto.createHash('sha256').update(canonical).digest('base64url');
}

/** A public KeyObject from a JWK, or null when it is not a usable public key. */
export function publicKeyOf(jwk: JsonWebKey): KeyObject | null {
  try {
    const key = crypto.createPublicKey({ key: jwk, format: 'jwk' });
    return key.type === 'public' ? key : null;
  } catch {
    return null;
  }
}
