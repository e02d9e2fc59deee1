import { sql, type Expression, type SqlBool } from 'kysely';
import { AppError } from './errors.ts';
import { levelOf, prefixOf, type AreaLevel } from './areas.ts';
import type { Role } from './permissions.ts';

/**
 * The caller's scope: who they are and the area subtree they may see and change.
 * Every repository takes a Scope and filters with `inScope` — this file is the one place
 * where area access is decided (see DESIGN: "Area scope is enforced in one place").
 */
export interface Scope {
  readonly userId: number | null;
  readonly userName: string;
  readonly role: Role | 'system';
  readonly areaCode: string;
  readonly areaLevel: AreaLevel;
  readonly department: string | null;
  /** Area-code prefix of the subtree; `''` for the system scope (everything). */
  readonly prefix: string;
}

export function userScope(user: { id: number; username: string; role: Role; areaCode: string; department: string | null }): Scope {
  return {
    userId: user.id,
    userName: user.username,
    role: user.role,
    areaCode: user.areaCode,
    areaLevel: levelOf(user.areaCode),
    department: user.department,
    prefix: prefixOf(user.areaCode),
  };
}

/** For CLI commands and background jobs run by the operator: sees every area. */
export function systemScope(name = 'system'): Scope {
  return { userId: null, userName: name, role: 'system', areaCode: '', areaLevel: 'prefecture', department: null, prefix: '' };
}

export function covers(scope: Scope, areaCode: string): boolean {
  return areaCode.startsWith(scope.prefix);
}

/** An index-friendly range predicate: `column` lies in the scope's subtree. */
export function inScope(scope: Scope, column: string): Expression<SqlBool> {
  return underPrefix(scope.prefix, column);
}

/** A filter (not an access check): `column` lies under the area `code`. Use with inScope. */
export function inArea(code: string, column: string): Expression<SqlBool> {
  return underPrefix(prefixOf(code), column);
}

function underPrefix(prefix: string, column: string): Expression<SqlBool> {
  if (prefix === '') return sql<SqlBool>`true`;
  return sql<SqlBool>`(${sql.ref(column)} >= ${prefix} and ${sql.ref(column)} < ${upperBound(prefix)})`;
}

function upperBound(prefix: string): string {
  const next = (BigInt(prefix) + 1n).toString().padStart(prefix.length, '0');
  return next;
}

export function requireInScope(scope: Scope, areaCode: string): void {
  if (!covers(scope, areaCode)) {
    throw AppError.forbidden(`区划 ${areaCode} 不在您的管辖范围内`, { areaCode });
  }
}

