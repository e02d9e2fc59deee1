// The SPDCI social-registry API under /dci (issue 22; spec/spdci): the registry role under /dci/sr/registry/…,
// the subscriber role's callbacks, the token endpoint and our JWKS. Its own token check and error envelope:
// spec errors answer as an ERR acknowledgement (`err.*` codes), 401/403 as HttpErrorResponse.
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../kernel/errors.ts';
import { clock } from '../../kernel/clock.ts';
import type { App, AppContext } from '../../server/context.ts';
import { ackResponse, callbackEnvelope, httpErrorResponse, requestEnvelope, SPEC_ERROR_CODES, syncResponse, type SpecErrorCode } from './schemas.ts';
import { authenticate, ensureTestClient, type DciClient } from './service/clients.ts';
import { receiveCallback } from './service/inbox.ts';
import { issueToken } from './service/jwt.ts';
import { tokenThrottle } from './service/token-throttle.ts';
import { ownJwks, signingKey } from './service/keys.ts';
import { newId } from './service/messages.ts';
import { clientOfToken } from './service/receive.ts';
import { asyncSearch, asyncTxnStatus, syncSearch, syncTxnStatus } from './service/registry.ts';
import { subscribe, unsubscribe } from './service/subscriptions.ts';
import { chinaTimestamp } from './time.ts';

export const DCI_PREFIX = '/dci';

declare module 'fastify' {
  interface FastifyRequest {
    /** The SPDCI client of the bearer token (set before the body is read: no token, no validation answer). */
    dciClient: DciClient | null;
  }
}

function clientOf(req: FastifyRequest): DciClient {
  if (!req.dciClient) throw new AppError('err.request.unauthorized', '缺少或无效的访问令牌', 401);
  return req.dciClient;
}

const isSpecCode = (c: string): c is SpecErrorCode => (SPEC_ERROR_CODES as readonly string[]).includes(c);

function errAck(code: SpecErrorCode, message: string) {
  return { message: { ack_status: 'ERR' as const, timestamp: chinaTimestamp(clock().now()), correlation_id: newId(), error: { code, message: message.slice(0, 999) } } };
}

function dciErrorHandler(err: FastifyError, req: FastifyRequest, reply: FastifyReply) {
  if (req.url.startsWith(`${DCI_PREFIX}/oauth2/`)) {
    if (err instanceof AppError && err.code === 'dci_too_many_attempts') {
      reply.header('retry-after', String(err.details?.retryAfterSeconds ?? 60));
      return reply.status(429).send({ error: 'too_many_requests', error_description: err.message });
    }
    const code = err instanceof AppError && (err.code === 'invalid_client' || err.code === 'unsupported_grant_type') ? err.code : 'invalid_request';
    return reply.status(code === 'invalid_client' ? 401 : 400).send({ error: code, error_description: err.message });
  }
  if (err instanceof AppError && (err.status === 401 || err.status === 403)) {
    return reply.status(err.status).send({ errors: [{ code: err.status === 401 ? 'err.request.unauthorized' : 'err.request.forbidden', message: err.message }] });
  }
  if (err instanceof AppError && isSpecCode(err.code)) return reply.status(err.status).send(errAck(err.code, err.message));
  if (err instanceof AppError && err.status === 400) return reply.status(400).send(errAck('err.request.bad', err.message));
  if (hasZodFastifySchemaValidationErrors(err)) {
    const first = err.validation[0];
    const field = first ? first.instancePath.split('/').filter(Boolean).join('.') : '';
    return reply.status(400).send(errAck('err.request.bad', `${field || '(body)'}: ${first?.message ?? '无效'}`));
  }
  if (err.statusCode !== undefined && err.statusCode >= 400 && err.statusCode < 500) return reply.status(400).send(errAck('err.request.bad', err.message));
  req.log.error({ err }, 'dci: unexpected error');
  return reply.status(500).send({ errors: [{ code: 'err.service.unavailable', message: '服务暂不可用' }] });
}

const tokenBody = z.looseObject({ grant_type: z.string().max(50).optional(), client_id: z.string().max(100).optional(), client_secret: z.string().max(200).optional() });
const tokenAnswer = z.object({ access_token: z.string(), token_type: z.literal('Bearer'), expires_in: z.number().int() });
const oauthError = z.object({ error: z.string(), error_description: z.string() });
const jwksAnswer = z.object({ keys: z.array(z.looseObject({ kty: z.string(), kid: z.string() })) });

const errors = { 400: ackResponse, 401: httpErrorResponse, 403: httpErrorResponse, 404: ackResponse, 500: httpErrorResponse };

/** Client id and secret from HTTP Basic or the form. */
function credentials(req: FastifyRequest, body: z.output<typeof tokenBody>): { id: string; secret: string } | null {
  const basic = req.headers.authorization?.startsWith('Basic ') ? Buffer.from(req.headers.authorization.slice(6), 'base64').toString('utf8') : null;
  if (basic && basic.includes(':')) {
    const i = basic.indexOf(':');
    return { id: decodeURIComponent(basic.slice(0, i)), secret: decodeURIComponent(basic.slice(i + 1)) };
  }
  return body.client_id && body.client_secret ? { id: body.client_id, secret: body.client_secret } : null;
}

/** Registers the API (inside a plugin with prefix DCI_PREFIX). */
export async function dciRoutes(app: App, ctx: AppContext): Promise<void> {
  const { db, config } = ctx;
  const testMode = config.dciTestMode;
  await signingKey(db);
  if (testMode) {
    await ensureTestClient(db);
    app.log.warn('SPDCI test mode is ON (JIUZHU_DCI_TEST_MODE=1): unsigned stubs, the test client test-client/test-secret and loopback http callbacks are accepted — never in production');
  }
  app.setErrorHandler(dciErrorHandler);
  app.setNotFoundHandler((req, reply) => reply.status(404).send(errAck('err.request.not_found', `没有这个地址：${req.method} ${req.url}`)));
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: 4096 }, (_req, body, done) => {
    done(null, Object.fromEntries(new URLSearchParams(String(body))));
  });

  app.decorateRequest('dciClient', null);
  const open = { auth: 'client' } as const;
  const throttle = tokenThrottle();
  const withClient = async (req: FastifyRequest) => {
    req.dciClient = await clientOfToken(db, req.headers.authorization);
  };
  const tags = ['dci'];
  // Not in /api/openapi.json: the API is the SPDCI standard's, described by its own document (spec/spdci), with
  // its own error envelope rather than Jiuzhu's { error: { code, message, details } }.
  const hide = true;

  app.post('/oauth2/client/token', {
    config: open,
    schema: { hide, tags, summary: 'SPDCI：接入系统以 client_credentials 取短期访问令牌（EdDSA JWT）', body: tokenBody, response: { 200: tokenAnswer, 400: oauthError, 401: oauthError, 429: oauthError } },
  }, async (req) => {
    if (req.body.grant_type !== 'client_credentials') throw new AppError('unsupported_grant_type', 'grant_type: 仅支持 client_credentials', 400);
    throttle.check(req.ip);
    const c = credentials(req, req.body);
    const client = c ? await authenticate(db, c.id, c.secret) : null;
    if (!client) {
      throttle.fail(req.ip);
      throw new AppError('invalid_client', '接入系统编号或密钥错误，或已停用', 401);
    }
    const { token, expiresIn } = await issueToken(db, client.clientId);
    return { access_token: token, token_type: 'Bearer' as const, expires_in: expiresIn };
  });

  app.get('/.well-known/jwks.json', { config: open, schema: { hide, tags, summary: 'SPDCI：本系统的签名公钥（JWKS）', response: { 200: jwksAnswer } } }, async () => ownJwks(db));

  const registry = (path: string, summary: string, answer: typeof ackResponse | typeof syncResponse, run: (client: DciClient, body: z.output<typeof requestEnvelope>) => Promise<z.output<typeof ackResponse> | z.output<typeof syncResponse>>) =>
    app.post(`/sr/registry/${path}`, { config: open, preValidation: withClient, schema: { hide, tags, summary, body: requestEnvelope, response: { 200: answer, ...errors } } }, async (req) => run(clientOf(req), req.body));

  registry('sync/search', 'SPDCI 登记库：同步查询（直接答复 on-search 报文）', syncResponse, (client, body) => syncSearch(db, client, body, testMode));
  registry('search', 'SPDCI 登记库：异步查询（即时确认，结果发往 header.sender_uri）', ackResponse, (client, body) => asyncSearch(db, client, body, testMode));
  registry('sync/txn/status', 'SPDCI 登记库：同步查询交易状态', syncResponse, (client, body) => syncTxnStatus(db, client, body, testMode));
  registry('subscribe', 'SPDCI 登记库：订阅辖区内家庭的登记、变更、注销、新增成员事件（结果与通知发往 header.sender_uri）', ackResponse, (client, body) => subscribe(db, client, body, testMode));
  registry('unsubscribe', 'SPDCI 登记库：退订', ackResponse, (client, body) => unsubscribe(db, client, body, testMode));
  registry('txn/status', 'SPDCI 登记库：异步查询交易状态（结果发往 header.sender_uri）', ackResponse, (client, body) => asyncTxnStatus(db, client, body, testMode));

  // Subscriber role: callbacks from registries Jiuzhu follows.
  const callback = (path: string, action: string, summary: string, schema: typeof callbackEnvelope | typeof requestEnvelope) =>
    app.post(`/sr/registry/${path}`, { config: open, preValidation: withClient, schema: { hide, tags, summary, body: schema, response: { 200: ackResponse, ...errors } } }, async (req) => receiveCallback(db, clientOf(req), req.body, action, testMode));
  callback('on-search', 'on-search', 'SPDCI 订阅方：接收其他登记库的查询结果', callbackEnvelope);
  callback('on-subscribe', 'on-subscribe', 'SPDCI 订阅方：接收订阅结果', requestEnvelope);
  callback('on-unsubscribe', 'on-unsubscribe', 'SPDCI 订阅方：接收退订结果', requestEnvelope);
  callback('txn/on-status', 'txn-on-status', 'SPDCI 订阅方：接收交易状态', callbackEnvelope);
  callback('notify', 'notify', 'SPDCI 订阅方：接收其他登记库的事件通知', callbackEnvelope);
}
