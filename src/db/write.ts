import type { Kysely } from 'kysely';
import { AppError } from '../kernel/errors.ts';
import type { Database } from './engine.ts';
import type { DB } from './schema.ts';
import type { Scope } from '../kernel/scope.ts';

/**
 * Every change goes through here: one transaction, refused for read-only roles.
 * Services call `appendAudit` inside `fn` with the before/after of what they change.
 */
export async function write<T>(db: Database, scope: Scope, fn: (tx: Kysely<DB>) => Promise<T>): Promise<T> {
  if (scope.role === 'auditor') throw AppError.forbidden('审计角色为只读，不能修改数据');
  return db.kysely.transaction().execute(fn);
}
