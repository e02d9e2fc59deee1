/**
 * Statement timeouts for interactive requests. The HTTP layer runs each request inside
 * `interactiveQueries(ms, …)`; a PostgreSQL connection taken for it gets `statement_timeout` = ms, one
 * taken anywhere else (jobs, imports, the CLI, and `unboundedQueries` work a request starts) gets none.
 * The setting is per session and remembered per connection, so it costs a round trip only when it changes.
 * PGlite cannot cancel a running query (no timer signal in WebAssembly): there the timeout does not apply.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { AppError } from '../kernel/errors.ts';

const context = new AsyncLocalStorage<{ statementTimeoutMs: number }>();

/** Runs `fn` as an interactive request: its queries are cancelled after `ms` (0: never). */
export function interactiveQueries<T>(ms: number, fn: () => T): T {
  return context.run({ statementTimeoutMs: ms }, fn);
}

/** The HTTP layer's onRequest hook: the request's queries run under a timeout of `ms`. */
export function statementTimeoutHook(ms: number) {
  return (_req: unknown, _reply: unknown, done: () => void): void => interactiveQueries(ms, done);
}

/** Long work a request starts (a payroll run, a rescreen, an import): its queries run without a timeout. */
export function unboundedQueries<T>(fn: () => T): T {
  return context.run({ statementTimeoutMs: 0 }, fn);
}

/** The timeout for a query started here, in ms; 0: none. */
export function currentStatementTimeout(): number {
  return context.getStore()?.statementTimeoutMs ?? 0;
}

/** PostgreSQL's `query_canceled` (57014) raised by statement_timeout, not by a user's cancel request. */
export function isStatementTimeout(err: unknown): boolean {
  if (typeof err !== 'object' || err === null) return false;
  const e = err as { code?: unknown; message?: unknown };
  return e.code === '57014' && typeof e.message === 'string' && e.message.includes('statement timeout');
}

/** What a request answers when its query ran past the timeout: 503, try again or narrow the search. */
export function statementTimeoutError(): AppError {
  return new AppError('query_timeout', '查询耗时过长，已被中止；请缩小查询范围（如按乡镇、村或姓名）后重试', 503);
}
