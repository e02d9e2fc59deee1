import type { Kysely } from 'kysely';
import { AppError } from '../kernel/errors.ts';
import type { Database } from './engine.ts';
import type { DB } from './schema.ts';
import type { Scope } from '../kernel/scope.ts';
import { applyRowSecurity } from './row-security.ts';
import { unboundedQueries } from './statement-timeout.ts';
import { bulkChanged } from './bulk-changed.ts';

export interface WriteOptions {
  /**
   * Row-level security on the household tables for this transaction (default on). Off only for
   * set-based bulk work that checks its scope itself, set-based (an import's COPY cannot run under it).
   */
  rowSecurity?: boolean;
}

/**
 * Every change goes through here: one transaction, refused for read-only roles, with the household
 * tables restricted to the caller's scope by row-level security (a second line behind the repositories).
 * Services call `appendAudit` inside `fn` with the before/after of what they change.
 */
export async function write<T>(db: Database, scope: Scope, fn: (tx: Kysely<DB>) => Promise<T>, opts: WriteOptions = {}): Promise<T> {
  if (scope.role === 'auditor') throw AppError.forbidden('审计角色为只读，不能修改数据');
  return db.kysely.transaction().execute(async (tx) => {
    if (opts.rowSecurity !== false) await applyRowSecurity(tx, scope);
    return fn(tx);
  });
}

/**
 * `write` for set-based bulk work (imports, payroll runs, rescreens, demo loads) that checks its scope set-based;
 * long by nature, so it runs without the statement timeout of interactive requests; once committed, the
 * background jobs that keep derived data (the statistics roll-up) are told (`bulkChanged`).
 */
export async function bulkWrite<T>(db: Database, scope: Scope, fn: (tx: Kysely<DB>) => Promise<T>): Promise<T> {
  const result = await unboundedQueries(() => write(db, scope, fn, { rowSecurity: false }));
  bulkChanged(db);
  return result;
}
