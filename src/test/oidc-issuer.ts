// A local OIDC issuer for tests (node:http on 127.0.0.1, a free port): discovery, JWKS, an authorize
// endpoint that signs the test's citizen in at once and redirects back with a code, and a token endpoint
// (client_secret_basic, PKCE S256) issuing an id_token signed with keys from crypto.generateKeyPairSync.
// Tests change what it answers to play a faulty or hostile issuer.
import crypto, { type KeyObject } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export type TestAlg = 'RS256' | 'ES256';

export interface TestKey {
  kid: string;
  alg: TestAlg;
  privateKey: KeyObject;
  publicJwk: Record<string, unknown>;
}

export function testKey(alg: TestAlg, kid: string): TestKey {
  const pair = alg === 'RS256' ? crypto.generateKeyPairSync('rsa', { modulusLength: 2048 }) : crypto.generateKeyPairSync('ec', { namedCurve: 'P-256' });
  return { kid, alg, privateKey: pair.privateKey, publicJwk: { ...pair.publicKey.export({ format: 'jwk' }), kid, alg, use: 'sig' } };
}

export function signJwt(claims: Record<string, unknown>, key: TestKey, header: Record<string, unknown> = {}): string {
  const part = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');
  const input = `${part({ alg: key.alg, typ: 'JWT', kid: key.kid, ...header })}.${part(claims)}`;
  const signature = key.alg === 'ES256'
    ? crypto.sign('sha256', Buffer.from(input), { key: key.privateKey, dsaEncoding: 'ieee-p1363' })
    : crypto.sign('sha256', Buffer.from(input), key.privateKey);
  return `${input}.${signature.toString('base64url')}`;
}

interface Grant {
  challenge: string;
  nonce: string;
  redirectUri: string;
  claims: Record<string, unknown>;
  used: boolean;
}

export interface TestIssuer {
  readonly url: string;
  readonly clientId: string;
  readonly clientSecret: string;
  /** The claims of whoever signs in next at /authorize (besides iss, sub, aud, exp, iat, nonce). */
  citizen: Record<string, unknown>;
  /** Keys published at /jwks; the first signs. */
  keys: TestKey[];
  /** Changes the next id_tokens' claims (wrong aud, expired, …); undefined: none. */
  tamper: ((claims: Record<string, unknown>) => Record<string, unknown>) | undefined;
  /** Signs id_tokens with this key instead of keys[0] (a key not published). */
  signWith: TestKey | undefined;
  /** What each endpoint was asked. */
  readonly seen: { discovery: number; jwks: number; authorize: URLSearchParams[]; token: { authorization: string | undefined; form: URLSearchParams }[] };
  close(): Promise<void>;
}

export async function startTestIssuer(opts: { clientId?: string; clientSecret?: string; alg?: TestAlg } = {}): Promise<TestIssuer> {
  const grants = new Map<string, Grant>();
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const issuer: TestIssuer = {
    url,
    clientId: opts.clientId ?? 'jiuzhu-portal',
    clientSecret: opts.clientSecret ?? 'test-secret:with/odd+chars',
    citizen: {},
    keys: [testKey(opts.alg ?? 'RS256', 'key-1')],
    tamper: undefined,
    signWith: undefined,
    seen: { discovery: 0, jwks: 0, authorize: [], token: [] },
    close: () => new Promise((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    }),
  };

  const json = (res: http.ServerResponse, status: number, body: unknown) => {
    res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
  };
  const basicOk = (header: string | undefined) => {
    const expected = Buffer.from(`${encodeURIComponent(issuer.clientId)}:${encodeURIComponent(issuer.clientSecret)}`).toString('base64');
    return header === `Basic ${expected}`;
  };

  server.on('request', (req, res) => {
    const at = new URL(req.url ?? '/', url);
    if (req.method === 'GET' && at.pathname === '/.well-known/openid-configuration') {
      issuer.seen.discovery++;
      return json(res, 200, { issuer: url, authorization_endpoint: `${url}/authorize`, token_endpoint: `${url}/token`, jwks_uri: `${url}/jwks`, response_types_supported: ['code'], id_token_signing_alg_values_supported: ['RS256', 'ES256'] });
    }
    if (req.method === 'GET' && at.pathname === '/jwks') {
      issuer.seen.jwks++;
      return json(res, 200, { keys: issuer.keys.map((k) => k.publicJwk) });
    }
    if (req.method === 'GET' && at.pathname === '/authorize') {
      const q = at.searchParams;
      issuer.seen.authorize.push(q);
      const redirectUri = q.get('redirect_uri') ?? '';
      if (q.get('response_type') !== 'code' || q.get('client_id') !== issuer.clientId || q.get('code_challenge_method') !== 'S256' || !q.get('code_challenge') || !q.get('state') || !q.get('nonce') || !q.get('scope')?.split(' ').includes('openid') || !redirectUri) {
        return json(res, 400, { error: 'invalid_request' });
      }
      const code = crypto.randomBytes(16).toString('hex');
      grants.set(code, { challenge: q.get('code_challenge') ?? '', nonce: q.get('nonce') ?? '', redirectUri, claims: { ...issuer.citizen }, used: false });
      const back = new URL(redirectUri);
      back.searchParams.set('code', code);
      back.searchParams.set('state', q.get('state') ?? '');
      res.writeHead(302, { location: back.toString() }).end();
      return;
    }
    if (req.method === 'POST' && at.pathname === '/token') {
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
      req.on('end', () => {
        const form = new URLSearchParams(body);
        issuer.seen.token.push({ authorization: req.headers.authorization, form });
        if (!basicOk(req.headers.authorization)) return json(res, 401, { error: 'invalid_client' });
        const grant = grants.get(form.get('code') ?? '');
        const verifier = form.get('code_verifier') ?? '';
        if (form.get('grant_type') !== 'authorization_code' || !grant || grant.used || form.get('redirect_uri') !== grant.redirectUri || crypto.createHash('sha256').update(verifier).digest('base64url') !== grant.challenge) {
          return json(res, 400, { error: 'invalid_grant' });
        }
        grant.used = true;
        const now = Math.floor(Date.now() / 1000);
        const claims = { iss: url, sub: crypto.randomUUID(), aud: issuer.clientId, exp: now + 300, iat: now, nonce: grant.nonce, ...grant.claims };
        const key = issuer.signWith ?? issuer.keys[0];
        if (!key) return json(res, 500, { error: 'server_error' });
        return json(res, 200, { access_token: 'opaque', token_type: 'Bearer', expires_in: 300, id_token: signJwt(issuer.tamper ? issuer.tamper(claims) : claims, key) });
      });
      return;
    }
    json(res, 404, { error: 'not_found' });
  });
  return issuer;
}
