// Envelope signatures: a signature made by Python (cryptography, json.dumps with sort_keys) over a Chinese name
// and an emoji verifies here; ours verifies; any change of a character, another key or a wrong form fails.
import crypto from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { parseSignature, signEnvelope, verifyEnvelope } from './envelope.ts';
import { DEFAULT_ALGORITHM, jwkThumbprint } from './algorithms.ts';

// Seed 00 01 … 1f; the signature was made once with:
//   k = Ed25519PrivateKey.from_private_bytes(bytes(range(32)))
//   k.sign(hashlib.sha256(json.dumps({"header": header, "message": message}, sort_keys=True, separators=(",", ":")).encode()).digest())
const X = 'A6EHv_POEL4dcN0Y50vAmWfk1jCbpQ1fHdyGZBJVMbg';
const PYTHON_SIGNATURE = 'q/L1FPsUNFDwS2vH+d6J970ugA0v7DUU510gvxkU3GA1aCECEtXclqV5IXf1Mpy+qRy5CBmJmjIIckrPZWGtAw==';
const publicJwk = { kty: 'OKP', crv: 'Ed25519', x: X, kid: 'k1' };
const privateKey = crypto.createPrivateKey({ key: { ...publicJwk, d: Buffer.from(Array.from({ length: 32 }, (_, i) => i)).toString('base64url') }, format: 'jwk' });
const header = { version: '1.0.0', message_id: 'm-1', message_ts: '2026-12-07T10:00:00+08:00', action: 'search', sender_id: 'yibao.example', total_count: 1 };
const message = {
  transaction_id: 't-1',
  search_request: [{ reference_id: 'r-1', timestamp: '2026-12-07T10:00:00+08:00', search_criteria: { query_type: 'predicate', query: [{ seq_num: 1, expression1: { attribute_name: 'name', operator: 'eq', attribute_value: '韦文峰😀' } }] }, locale: 'zho' }],
};
const NOW = new Date('2026-12-07T02:00:00Z');

describe('envelope signatures', () => {
  it('verifies a signature Python made over a Chinese name, bare or in the MsgSignature form', () => {
    expect(verifyEnvelope(PYTHON_SIGNATURE, header, message, [publicJwk], 'yibao.example', NOW)).toEqual({ ok: true });
    const wrapped = `Signature: namespace="spdci", kidId="yibao.example|k1|ed25519", algorithm="ed25519", created="1", expires="9999999999", headers="(created) (expires) digest", signature="${PYTHON_SIGNATURE}"`;
    expect(verifyEnvelope(wrapped, header, message, [publicJwk], 'yibao.example', NOW)).toEqual({ ok: true });
  });

  it('signs as Python would: our signature over the same envelope is the same bytes (Ed25519 is deterministic)', () => {
    const ours = signEnvelope(header, message, { kid: 'k1', privateKey, algorithm: DEFAULT_ALGORITHM }, 'yibao.example', NOW);
    expect(parseSignature(ours)?.signature.toString('base64')).toBe(PYTHON_SIGNATURE);
    expect(ours).toMatch(/^Signature: namespace="spdci", kidId="yibao\.example\|k1\|ed25519", algorithm="ed25519", created="\d+", expires="\d+"/);
  });

  const other = crypto.generateKeyPairSync('ed25519').publicKey.export({ format: 'jwk' });
  it.each([
    ['the message changed (one character)', PYTHON_SIGNATURE, { ...message, transaction_id: 't-2' }, [publicJwk], 'yibao.example', '签名与报文不符'],
    ['another key', PYTHON_SIGNATURE, message, [{ ...other, kid: 'k1' }], 'yibao.example', '签名与报文不符'],
    ['no key registered', PYTHON_SIGNATURE, message, [], 'yibao.example', '没有登记公钥'],
    ['a kid the sender has not', `Signature: kidId="yibao.example|k9|ed25519", algorithm="ed25519", signature="${PYTHON_SIGNATURE}"`, message, [publicJwk], 'yibao.example', 'k9'],
    ['another sender in kidId', `Signature: kidId="minzheng|k1|ed25519", signature="${PYTHON_SIGNATURE}"`, message, [publicJwk], 'yibao.example', 'sender_id'],
    ['an expired signature', `Signature: kidId="yibao.example|k1|ed25519", expires="100", signature="${PYTHON_SIGNATURE}"`, message, [publicJwk], 'yibao.example', '过期'],
    ['an unknown algorithm', `Signature: kidId="yibao.example|k1|rsa", algorithm="rsa", signature="${PYTHON_SIGNATURE}"`, message, [publicJwk], 'yibao.example', 'rsa'],
    ['not a signature at all', 'hello world!', message, [publicJwk], 'yibao.example', '格式'],
  ])('fails with %s', (_what, sig, msg, keys, sender, reason) => {
    const r = verifyEnvelope(sig, header, msg, keys, sender, NOW);
    expect(r.ok).toBe(false);
    expect(r.ok ? '' : r.reason).toContain(reason);
  });

  it('names keys by their RFC 7638 thumbprint', () => {
    // RFC 8037 appendix A.3: the thumbprint of its example Ed25519 key.
    expect(jwkThumbprint({ kty: 'OKP', crv: 'Ed25519', x: '11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo' })).toBe('kPrK_qmxVWaYVA9wwBF6Iuo3vVzz7TxHCTwXBygrS4k');
  });
});
