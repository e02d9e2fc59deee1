// Citizen sign-in through the provincial 一网通办 OIDC login: authorization code flow with PKCE (S256),
// state and nonce kept server side and the state bound to the browser by a cookie (README: OIDC).
import crypto from 'node:crypto';
import type { Database } from '../../db/engine.ts';
import { clock } from '../../kernel/clock.ts';
import type { OidcConfig } from '../../kernel/config.ts';
import { AppError } from '../../kernel/errors.ts';
import { parseIdNumber } from '../../kernel/id-number.ts';
import type { CitizenScope } from '../../kernel/scope.ts';
import { openSession } from '../service.ts';
import { sameString, verifyIdToken } from './id-token.ts';
import type { IssuerClient } from './issuer.ts';
import { saveLogin, takeLogin } from './logins.ts';

export interface OidcSignIn {
  config: OidcConfig;
  issuer: IssuerClient;
}

export const STATE_INVALID = '登录请求无效或已过期，请重新登录';
const stateInvalid = () => new AppError('oidc_state_invalid', STATE_INVALID, 400);
export const ID_NUMBER_INVALID = '统一身份认证提供的身份证号码无效，无法登录；请改用短信验证码登录';

const random = () => crypto.randomBytes(32).toString('base64url');

/** Starts a sign-in: returns the issuer's authorization URL to send the browser to, and the state to bind to it. */
export async function startSignIn(db: Database, oidc: OidcSignIn, redirectUri: string): Promise<{ url: string; state: string }> {
  const { authorization_endpoint } = await oidc.issuer.discovery();
  const state = random();
  const nonce = random();
  const codeVerifier = random();
  await saveLogin(db, state, { nonce, codeVerifier, redirectUri }, clock().now());
  const url = new URL(authorization_endpoint);
  const params = {
    response_type: 'code',
    client_id: oidc.config.clientId,
    redirect_uri: redirectUri,
    scope: oidc.config.scope,
    state,
    nonce,
    code_challenge: crypto.createHash('sha256').update(codeVerifier).digest('base64url'),
    code_challenge_method: 'S256',
  };
  for (const [k, v] of Object.entries(params)) url.searchParams.set(k, v);
  return { url: url.toString(), state };
}

const idNumberInvalid = (reason: string) => new AppError('oidc_id_number_invalid', ID_NUMBER_INVALID, 400, { reason });

/** The 18-character ID number of the claim, check digit included, or a 400. */
function idNumberOf(claim: unknown): string {
  if (typeof claim !== 'string') throw idNumberInvalid('missing');
  const parsed = parseIdNumber(claim);
  if (!parsed.ok) throw idNumberInvalid(parsed.reason);
  if (parsed.upgradedFrom15) throw idNumberInvalid('length');
  return parsed.idNumber;
}

/**
 * Finishes a sign-in at the callback: the state must be the browser's and unused, the code is exchanged,
 * the id_token verified and its ID number checked; then the portal session opens as for an SMS code.
 */
export async function finishSignIn(db: Database, oidc: OidcSignIn, input: { state: string; browserState: string | undefined; code: string }): Promise<{ token: string; scope: CitizenScope }> {
  if (!input.browserState || !sameString(input.state, input.browserState)) throw stateInvalid();
  const now = clock().now();
  const login = await takeLogin(db, input.state, now);
  if (!login) throw stateInvalid();
  const idToken = await oidc.issuer.exchange({ code: input.code, codeVerifier: login.codeVerifier, redirectUri: login.redirectUri });
  const claims = await verifyIdToken(idToken, { issuer: oidc.config.issuer, clientId: oidc.config.clientId, nonce: login.nonce, now, keys: oidc.issuer.keys });
  return openSession(db, idNumberOf(claims[oidc.config.idClaim]), 'oidc');
}
