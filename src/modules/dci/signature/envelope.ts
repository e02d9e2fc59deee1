// The `signature` of an SPDCI envelope: the sender's key signs the digest of the canonical JSON of
// {header, message} (canonical-json.ts, Python's form). On the wire it is the spec's MsgSignature string,
// `Signature: namespace="spdci", kidId="{sender_id}|{kid}|{algorithm}", algorithm="…", created="…",
// expires="…", headers="(created) (expires) digest", signature="{base64}"`; a bare base64 signature is also
// read (every key of the sender is then tried).
import type { JsonWebKey, KeyObject } from 'node:crypto';
import { canonicalJson } from '../canonical-json.ts';
import { algorithm, algorithmOfJwk, DEFAULT_ALGORITHM, publicKeyOf, type SignatureAlgorithm } from './algorithms.ts';

/** The bytes a signature covers. */
export function signedBytes(header: unknown, message: unknown): Buffer {
  return Buffer.from(canonicalJson({ header, message }), 'utf8');
}

export interface SigningKey {
  kid: string;
  privateKey: KeyObject;
  algorithm: SignatureAlgorithm;
}

/** Signs {header, message} as `senderId`, valid for `ttlSeconds`. */
export function signEnvelope(header: unknown, message: unknown, key: SigningKey, senderId: string, now = new Date(), ttlSeconds = 3600): string {
  const a = key.algorithm;
  const created = Math.floor(now.getTime() / 1000);
  const signature = a.sign(key.privateKey, a.digest(signedBytes(header, message))).toString('base64');
  return `Signature: namespace="spdci", kidId="${senderId}|${key.kid}|${a.name}", algorithm="${a.name}", created="${created}", expires="${created + ttlSeconds}", headers="(created) (expires) digest", signature="${signature}"`;
}

export interface ParsedSignature {
  senderId: string | null;
  kid: string | null;
  algorithm: string | null;
  expires: number | null;
  signature: Buffer;
}

const PARAM = /([a-zA-Z]+)="([^"]*)"/g;

/** Reads a MsgSignature string (or a bare base64 signature); null when it is neither. */
export function parseSignature(text: string): ParsedSignature | null {
  const trimmed = text.trim();
  if (/^[A-Za-z0-9+/_-]+={0,2}$/.test(trimmed)) return { senderId: null, kid: null, algorithm: null, expires: null, signature: Buffer.from(trimmed, 'base64') };
  if (!trimmed.startsWith('Signature:')) return null;
  const params = new Map<string, string>();
  for (const m of trimmed.matchAll(PARAM)) params.set(m[1]!, m[2]!);
  const sig = params.get('signature');
  if (!sig || !/^[A-Za-z0-9+/_-]+={0,2}$/.test(sig)) return null;
  const [senderId = null, kid = null, alg = null] = (params.get('kidId') ?? '').split('|').map((s) => s || null);
  const expires = params.get('expires');
  return {
    senderId,
    kid,
    algorithm: params.get('algorithm') ?? alg,
    expires: expires && /^\d{1,12}$/.test(expires) ? Number(expires) : null,
    signature: Buffer.from(sig, 'base64'),
  };
}

export type VerifyResult = { ok: true } | { ok: false; reason: string };

/** Checks the envelope's signature against the sender's public keys (a JWKS's `keys`). */
export function verifyEnvelope(signature: string, header: unknown, message: unknown, keys: readonly JsonWebKey[], senderId: string, now = new Date()): VerifyResult {
  const parsed = parseSignature(signature);
  if (!parsed) return { ok: false, reason: '签名格式无法识别' };
  if (parsed.senderId !== null && parsed.senderId !== senderId) return { ok: false, reason: 'kidId 中的发送方与 header.sender_id 不符' };
  if (parsed.expires !== null && parsed.expires * 1000 < now.getTime()) return { ok: false, reason: '签名已过期' };
  const named = parsed.algorithm ? algorithm(parsed.algorithm) : DEFAULT_ALGORITHM;
  if (!named) return { ok: false, reason: `不支持的签名算法 ${parsed.algorithm ?? ''}` };
  const candidates = keys.filter((k) => (parsed.kid === null || k.kid === parsed.kid) && algorithmOfJwk(k) === named);
  if (candidates.length === 0) return { ok: false, reason: parsed.kid ? `发送方没有登记编号为 ${parsed.kid} 的公钥` : '发送方没有登记公钥' };
  const digest = named.digest(signedBytes(header, message));
  for (const jwk of candidates) {
    const key = publicKeyOf(jwk);
    if (key && named.verify(key, digest, parsed.signature)) return { ok: true };
  }
  return { ok: false, reason: '签名与报文不符' };
}
