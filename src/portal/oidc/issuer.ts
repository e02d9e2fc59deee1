// The OIDC issuer seen from the server: its discovery document, its signing keys (JWKS) and its token
// endpoint. Every failure to reach it, or an answer that is not what OIDC prescribes, is a 502 in Chinese.
import crypto, { type KeyObject } from 'node:crypto';
import { z } from 'zod';
import type { OidcConfig } from '../../kernel/config.ts';
import { AppError } from '../../kernel/errors.ts';

export const ISSUER_TIMEOUT_MS = 10_000;
/** The discovery document is read again after an hour; keys when a token names a key not yet seen. */
const DISCOVERY_TTL_MS = 3600_000;

export const OIDC_UNAVAILABLE = '统一身份认证服务暂时无法访问，请稍后再试或改用短信验证码登录';
export const unavailable = (reason: string) => new AppError('oidc_unavailable', OIDC_UNAVAILABLE, 502, { reason });
/** The citizen cancelled at the issuer, or the issuer refused the code. */
export const OIDC_DENIED = '统一身份认证未完成登录（已取消、未获授权或登录已失效），请重新登录';
export const denied = (reason: string) => new AppError('oidc_denied', OIDC_DENIED, 400, { reason });

const discoverySchema = z.object({
  issuer: z.string(),
  authorization_endpoint: z.url(),
  token_endpoint: z.url(),
  jwks_uri: z.url(),
});
export type Discovery = z.infer<typeof discoverySchema>;

const jwkSchema = z.object({
  kty: z.string(),
  kid: z.string().optional(),
  use: z.string().optional(),
  alg: z.string().optional(),
  n: z.string().optional(),
  e: z.string().optional(),
  crv: z.string().optional(),
  x: z.string().optional(),
  y: z.string().optional(),
});
const jwksSchema = z.object({ keys: z.array(z.unknown()) });
const tokenSchema = z.object({ id_token: z.string().min(1) });

export type SigningAlg = 'RS256' | 'ES256';

/** A usable public key of the issuer. */
export interface SigningKey {
  kid: string | undefined;
  alg: SigningAlg;
  key: KeyObject;
}

/** The key a JWK describes, when it is a signing key of a kind we accept (RSA ≥ 2048 bits, EC P-256); otherwise null. */
export function signingKeyOf(raw: unknown): SigningKey | null {
  const parsed = jwkSchema.safeParse(raw);
  if (!parsed.success) return null;
  const jwk = parsed.data;
  if (jwk.use !== undefined && jwk.use !== 'sig') return null;
  try {
    if (jwk.kty === 'RSA' && jwk.n && jwk.e && (jwk.alg === undefined || jwk.alg === 'RS256')) {
      const key = crypto.createPublicKey({ key: { kty: 'RSA', n: jwk.n, e: jwk.e }, format: 'jwk' });
      return (key.asymmetricKeyDetails?.modulusLength ?? 0) >= 2048 ? { kid: jwk.kid, alg: 'RS256', key } : null;
    }
    if (jwk.kty === 'EC' && jwk.crv === 'P-256' && jwk.x && jwk.y && (jwk.alg === undefined || jwk.alg === 'ES256')) {
      return { kid: jwk.kid, alg: 'ES256', key: crypto.createPublicKey({ key: { kty: 'EC', crv: 'P-256', x: jwk.x, y: jwk.y }, format: 'jwk' }) };
    }
  } catch {
    return null; // a malformed key is skipped like an unknown one
  }
  return null;
}

export interface IssuerClient {
  discovery(): Promise<Discovery>;
  /** The issuer's keys; `refresh` reads the JWKS again (a token named a key not in the cache). */
  keys(refresh: boolean): Promise<SigningKey[]>;
  /** Exchanges an authorization code (client_secret_basic, PKCE verifier) for the id_token. */
  exchange(input: { code: string; codeVerifier: string; redirectUri: string }): Promise<string>;
}

export function issuerClient(config: OidcConfig, fetcher: typeof fetch = fetch, now: () => number = Date.now): IssuerClient {
  let discovered: { doc: Discovery; at: number } | null = null;
  let cachedKeys: SigningKey[] | null = null;

  async function getJson(url: string, what: string, init?: RequestInit): Promise<{ status: number; body: unknown }> {
    let res: Response;
    try {
      res = await fetcher(url, { ...init, signal: AbortSignal.timeout(ISSUER_TIMEOUT_MS), redirect: 'error' });
    } catch {
      throw unavailable(`${what}: unreachable`);
    }
    const text = await res.text().catch(() => '');
    try {
      return { status: res.status, body: JSON.parse(text) as unknown };
    } catch {
      return { status: res.status, body: null };
    }
  }

  async function discovery(): Promise<Discovery> {
    if (discovered && now() - discovered.at < DISCOVERY_TTL_MS) return discovered.doc;
    const { status, body } = await getJson(`${config.issuer.replace(/\/+$/, '')}/.well-known/openid-configuration`, 'discovery');
    const doc = discoverySchema.safeParse(body);
    if (status !== 200 || !doc.success) throw unavailable(`discovery: status ${status}, ${doc.success ? 'ok' : 'not an OIDC discovery document'}`);
    // OIDC Discovery §4.3: the document must name the very issuer it was fetched for.
    if (doc.data.issuer !== config.issuer) throw unavailable('discovery: issuer differs from JIUZHU_OIDC_ISSUER');
    discovered = { doc: doc.data, at: now() };
    return doc.data;
  }

  async function keys(refresh: boolean): Promise<SigningKey[]> {
    if (cachedKeys && !refresh) return cachedKeys;
    const { jwks_uri } = await discovery();
    const { status, body } = await getJson(jwks_uri, 'jwks');
    const set = jwksSchema.safeParse(body);
    if (status !== 200 || !set.success) throw unavailable(`jwks: status ${status}`);
    cachedKeys = set.data.keys.map(signingKeyOf).filter((k): k is SigningKey => k !== null);
    return cachedKeys;
  }

  async function exchange(input: { code: string; codeVerifier: string; redirectUri: string }): Promise<string> {
    const { token_endpoint } = await discovery();
    // RFC 6749 §2.3.1: both parts form-encoded before Basic encoding.
    const basic = Buffer.from(`${encodeURIComponent(config.clientId)}:${encodeURIComponent(config.clientSecret)}`).toString('base64');
    const { status, body } = await getJson(token_endpoint, 'token', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json', authorization: `Basic ${basic}` },
      body: new URLSearchParams({ grant_type: 'authorization_code', code: input.code, redirect_uri: input.redirectUri, code_verifier: input.codeVerifier }).toString(),
    });
    if (status === 400 || status === 401) throw denied(`token: status ${status}`);
    const token = tokenSchema.safeParse(body);
    if (status !== 200 || !token.success) throw unavailable(`token: status ${status}${token.success ? '' : ', no id_token'}`);
    return token.data.id_token;
  }

  return { discovery, keys, exchange };
}
