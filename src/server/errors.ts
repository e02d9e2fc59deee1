import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { AppError, type FieldError } from '../kernel/errors.ts';
import { isStatementTimeout, statementTimeoutError } from '../db/statement-timeout.ts';

interface Issue {
  path?: readonly PropertyKey[];
  message: string;
  code?: string;
  keys?: string[];
}

const isIssue = (v: unknown): v is Issue => typeof v === 'object' && v !== null && 'message' in v;

function fieldsOf(issues: readonly unknown[]): FieldError[] {
  const out: FieldError[] = [];
  for (const raw of issues) {
    const issue = isIssue(raw) ? raw : { message: String(raw) };
    const base = (issue.path ?? []).map(String).join('.');
    if (issue.code === 'unrecognized_keys' && issue.keys) {
      for (const k of issue.keys) out.push({ field: base ? `${base}.${k}` : k, message: `不允许的字段：${k}` });
    } else {
      out.push({ field: base || '(body)', message: issue.message });
    }
  }
  return out;
}

/** Maps every error to `{ error: { code, message, details } }`; caller mistakes are 4xx, never 500. */
export function errorHandler(raw: FastifyError, req: FastifyRequest, reply: FastifyReply) {
  const err = isStatementTimeout(raw) ? statementTimeoutError() : raw;
  if (err instanceof AppError) {
    if (err.code === 'query_timeout') req.log.warn({ err: raw, url: req.url }, 'query cancelled by statement_timeout');
    const wait = err.details?.retryAfterSeconds;
    if (err.status === 429 && typeof wait === 'number') reply.header('retry-after', String(wait));
    return reply.status(err.status).send({ error: { code: err.code, message: err.message, details: err.details ?? {} } });
  }
  if (hasZodFastifySchemaValidationErrors(err)) {
    const fields = fieldsOf(
      err.validation.map((v) => {
        const keys = (v.params as { keys?: unknown }).keys;
        return {
          path: v.instancePath.split('/').filter((p) => p.length > 0),
          code: v.keyword,
          message: v.message ?? '无效',
          ...(Array.isArray(keys) ? { keys: keys.map(String) } : {}),
        };
      }),
    );
    const where = err.validationContext ?? 'body';
    const first = fields[0];
    return reply.status(400).send({
      error: {
        code: 'validation_failed',
        message: first ? `${where}.${first.field}: ${first.message}` : '请求参数无效',
        details: { location: where, fields },
      },
    });
  }
  if (isResponseSerializationError(err)) {
    req.log.error({ err, issues: err.cause.issues }, 'response does not match its schema');
    return reply.status(500).send({ error: { code: 'internal', message: '服务器内部错误', details: {} } });
  }
  const status = err.statusCode ?? 500;
  if (status >= 400 && status < 500) {
    const code = err.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || err instanceof SyntaxError ? 'invalid_json' : (err.code ?? 'bad_request').toLowerCase();
    const message = code === 'invalid_json' ? `请求体不是有效的 JSON：${err.message}` : err.message;
    return reply.status(status).send({ error: { code, message, details: { fields: [{ field: '(body)', message }] } } });
  }
  req.log.error({ err }, 'unhandled error');
  return reply.status(500).send({ error: { code: 'internal', message: '服务器内部错误', details: {} } });
}
