// Hostile text is refused before any module sees it: a NUL or another C0 control character (tab, LF and
// CR excepted) or a lone surrogate in a path parameter, a query value or a JSON string, invalid
// percent-encoding in the URL, invalid UTF-8 in the URL or a JSON body. PostgreSQL cannot store NUL in
// text (it was a 500), and none of these is ever meant by a caller. Uploaded files (Buffer bodies) are exempt.
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../kernel/errors.ts';
import type { App } from './context.ts';
import './error-codes.ts';

const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f]/;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const hex = (c: string) => `U+${(c.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;

/** Why a text is refused, or null. */
export function textProblem(s: string): string | null {
  const control = CONTROL.exec(s);
  if (control) return `含有不允许的控制字符（${hex(control[0])}）`;
  if (LONE_SURROGATE.test(s)) return '含有无效的 Unicode 字符（孤立的代理项）';
  return null;
}

// A field name as the answer shows it: control characters of a hostile key written as \uXXXX.
const printable = (key: string) => key.replace(/[\u0000-\u001f\ud800-\udfff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
const refuse = (field: string, message: string) => AppError.field(field, message, 'invalid_characters');

/** Walks a parsed value (without recursion: a deeply nested body must not overflow the stack). */
function checkValue(root: unknown, location: string): void {
  const stack: [unknown, string][] = [[root, location]];
  for (let next = stack.pop(); next; next = stack.pop()) {
    const [value, path] = next;
    if (typeof value === 'string') {
      const problem = textProblem(value);
      if (problem) throw refuse(path, problem);
    } else if (Array.isArray(value)) {
      value.forEach((v, i) => stack.push([v, `${path}.${i}`]));
    } else if (typeof value === 'object' && value !== null && !Buffer.isBuffer(value)) {
      for (const [k, v] of Object.entries(value)) {
        const problem = textProblem(k);
        if (problem) throw refuse(`${path}.${printable(k)}`, `字段名${problem}`);
        stack.push([v, `${path}.${k}`]);
      }
    }
  }
}

/** The query as written: every name and value must be valid percent-encoded UTF-8. */
function checkRawQuery(url: string): void {
  const q = url.indexOf('?');
  if (q < 0) return;
  for (const part of url.slice(q + 1).split('&')) {
    const eq = part.indexOf('=');
    const [name, value] = eq < 0 ? [part, ''] : [part.slice(0, eq), part.slice(eq + 1)];
    for (const raw of [name, value]) {
      try {
        decodeURIComponent(raw.replace(/\+/g, ' '));
      } catch {
        let field = printable(name);
        try {
          field = printable(decodeURIComponent(name));
        } catch { /* the name itself is badly encoded: show it as written */ }
        throw refuse(`query.${field}`, '百分号编码无效或不是有效的 UTF-8');
      }
    }
  }
}

async function refuseHostileText(req: FastifyRequest): Promise<void> {
  checkRawQuery(req.url);
  checkValue(req.params, 'params');
  checkValue(req.query, 'query');
  checkValue(req.body, 'body');
}

/** Fastify's `frameworkErrors`: a path the router cannot decode, or a path parameter beyond its length, is a 400 in the one error shape. */
export function badUrl(err: FastifyError, _req: FastifyRequest, reply: FastifyReply): void {
  const e = err.code === 'FST_ERR_MAX_PARAM_LENGTH'
    ? AppError.field('(path)', '路径参数过长', 'invalid_field')
    : err.code === 'FST_ERR_BAD_URL' ? refuse('(path)', '地址的百分号编码无效或不是有效的 UTF-8') : AppError.badRequest('bad_request', err.message);
  void reply.status(e.status).send({ error: { code: e.code, message: e.message, details: e.details ?? {} } });
}

/** JSON bodies must be valid UTF-8 (Node would silently put U+FFFD in its place), and every text is checked before validation. */
export function refuseHostileInput(app: App): void {
  const parseJson = app.getDefaultJsonParser('error', 'error');
  const utf8 = new TextDecoder('utf-8', { fatal: true });
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (req, body: Buffer, done) => {
    let text: string;
    try {
      text = utf8.decode(body);
    } catch {
      done(refuse('(body)', '请求体不是有效的 UTF-8'), undefined);
      return;
    }
    parseJson(req, text, done);
  });
  app.addHook('preValidation', refuseHostileText);
}
