import { sql, type Expression, type SqlBool } from 'kysely';
import { AppError } from './errors.ts';
import { levelOf, prefixOf, type AreaLevel } from './areas.ts';
import { mayAct, type Action, type Department, type Role } from './permissions.ts';

/**
 * The caller's scope: who they are and what they may see and change. Every repository starts from a
 * scoped root (`rootFilter`, `inScope`) — this file is the one place where access to records is decided
 * (DESIGN: "Area scope is enforced in one place"; design/programmes.md §5).
 *
 * Four kinds of caller:
 * - staff: an area subtree (village ⊂ township ⊂ county ⊂ prefecture);
 * - partner: a department's user, in an area; sees what was referred or shared with the department
 *   (its role's permissions allow nothing else);
 * - citizen: their own households and cases, nothing by area;
 * - system: the CLI, scheduled jobs, API clients — every area, with their own grants.
 */
export type Scope = StaffScope | PartnerScope | CitizenScope | SystemScope;

interface ScopeBase {
  readonly userId: number | null;
  readonly userName: string;
  readonly areaCode: string;
  readonly areaLevel: AreaLevel;
  readonly department: Department | null;
  /** Area-code prefix of the subtree; `''` for the system scope (everything); never matches for a citizen. */
  readonly prefix: string;
}

export interface StaffScope extends ScopeBase {
  readonly kind: 'staff';
  readonly role: Exclude<Role, 'partner'>;
}

export interface PartnerScope extends ScopeBase {
  readonly kind: 'partner';
  readonly role: 'partner';
  readonly department: Department;
}

export interface CitizenScope extends ScopeBase {
  readonly kind: 'citizen';
  readonly role: 'citizen';
  readonly department: null;
  /** The citizen's own ID number (the portal's login). */
  readonly idNumber: string;
  /** Household numbers the citizen belongs to: the only households (and their cases) they see. */
  readonly households: readonly string[];
}

export interface SystemScope extends ScopeBase {
  readonly kind: 'system';
  readonly role: 'system';
  /** 'all' for the operator's CLI and jobs; an API client's own actions otherwise. */
  readonly grants: 'all' | readonly Action[];
}

/** A citizen's prefix: not a digit string, so no area code starts with it. */
const NO_AREA = 'citizen';

export function userScope(user: { id: number; username: string; role: Role; areaCode: string; department: string | null }): StaffScope | PartnerScope {
  const base = { userId: user.id, userName: user.username, areaCode: user.areaCode, areaLevel: levelOf(user.areaCode), prefix: prefixOf(user.areaCode) };
  if (user.role === 'partner') {
    if (!user.department) throw new Error(`partner user ${user.username} has no department`);
    return { ...base, kind: 'partner', role: 'partner', department: user.department as Department };
  }
  return { ...base, kind: 'staff', role: user.role, department: null };
}

/** For CLI commands and background jobs run by the operator: sees every area, may do everything. */
export function systemScope(name = 'system', grants: SystemScope['grants'] = 'all'): SystemScope {
  return { kind: 'system', userId: null, userName: name, role: 'system', areaCode: '', areaLevel: 'prefecture', department: null, prefix: '', grants };
}

export function citizenScope(person: { idNumber: string; name: string; villageCode: string; households: readonly string[] }): CitizenScope {
  return { kind: 'citizen', userId: null, userName: person.name, role: 'citizen', idNumber: person.idNumber, households: person.households, areaCode: person.villageCode, areaLevel: 'village', department: null, prefix: NO_AREA };
}

/** Whether the area lies in the scope's subtree (never for a citizen, who has no area). */
export function covers(scope: Scope, areaCode: string): boolean {
  if (scope.kind === 'citizen') return false;
  return areaCode.startsWith(scope.prefix);
}

/** An index-friendly range predicate: `column` lies in the scope's subtree (false for a citizen). */
export function inScope(scope: Scope, column: string): Expression<SqlBool> {
  if (scope.kind === 'citizen') return sql<SqlBool>`false`;
  return underPrefix(scope.prefix, column);
}

/**
 * An index-free predicate on an array of area codes (a record that belongs to several areas, such as an SPDCI
 * client): every one of them lies in the scope's subtree (false for a citizen).
 */
export function allInScope(scope: Scope, arrayColumn: string): Expression<SqlBool> {
  if (scope.kind === 'citizen') return sql<SqlBool>`false`;
  if (scope.prefix === '') return sql<SqlBool>`true`;
  return sql<SqlBool>`not exists (select 1 from unnest(${sql.ref(arrayColumn)}) as scoped_area(code) where not ${underPrefix(scope.prefix, 'scoped_area.code')})`;
}

/** Whether the scope may change a county's records with `action`: its role has it, the county is in its subtree, it is not an auditor. */
export function mayManageCounty(scope: Scope, county: string, action: Action): boolean {
  return scope.role !== 'auditor' && covers(scope, county) && mayAct(scope, action);
}

/**
 * County records (a county's list or policy) a scope sees: those of a county it covers, or of the county it
 * lies in (staff inside the county see the record, with the rows of their own subtree).
 */
export function seesCounty(scope: Scope, county: string): boolean {
  if (scope.kind === 'citizen') return false;
  return covers(scope, county) || scope.prefix.startsWith(county);
}

/** The counties whose records a scope sees (`seesCounty`), as a filter on `column`. */
export function visibleCounties(scope: Scope, column: string): Expression<SqlBool> {
  if (scope.kind !== 'citizen' && scope.prefix.length > 6) return sql<SqlBool>`${sql.ref(column)} = ${scope.prefix.slice(0, 6)}`;
  return inScope(scope, column);
}

/**
 * The filter of a scoped root: a record is visible by its area, or — for a citizen — only when it
 * belongs to one of their households. A root without a household column shows a citizen nothing.
 */
export function rootFilter(scope: Scope, columns: { area: string; householdNo?: string }): Expression<SqlBool> {
  if (scope.kind !== 'citizen') return underPrefix(scope.prefix, columns.area);
  if (!columns.householdNo || scope.households.length === 0) return sql<SqlBool>`false`;
  return sql<SqlBool>`${sql.ref(columns.householdNo)} in (${sql.join(scope.households)})`;
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
  return (BigInt(prefix) + 1n).toString().padStart(prefix.length, '0');
}

/**
 * Out of scope answers exactly as not found: same status, code and message, and no extra query,
 * so nothing tells a caller that a record exists elsewhere.
 */
export function requireInScope(scope: Scope, areaCode: string, what = '区划'): void {
  if (!covers(scope, areaCode)) throw AppError.notFound(what, areaCode);
}

/** A request field naming an area: missing or out of scope, one answer (area codes themselves are public). */
export const AREA_NOT_FOUND = (code: string) => `区划 ${code} 不存在或不在您的管辖范围内`;

export function areaFieldError(field: string, code: string): AppError {
  return AppError.field(field, AREA_NOT_FOUND(code));
}

export function requireAreaField(scope: Scope, field: string, code: string, exists = true): void {
  if (!exists || !covers(scope, code)) throw areaFieldError(field, code);
}

/**
 * Widening rules, declared once: records kept per county that staff below the county may read (a
 * township sees its county's nursing homes, payroll headers and policy simulation). Reading only —
 * changes still need `covers` on the record's own area.
 */
export const COUNTY_WIDE = ['institutions', 'payroll_headers', 'policy_simulation'] as const;
export type Widening = (typeof COUNTY_WIDE)[number];

export function widened(scope: Scope, _rule: Widening): Scope {
  if (scope.kind === 'citizen' || scope.prefix.length <= 6) return scope;
  return { ...scope, prefix: scope.prefix.slice(0, 6), areaLevel: 'county' };
}

declare const SCOPED: unique symbol;
/**
 * A key only a scoped root hands out (`Scoped<…>`): child reads (members of a household, steps of a
 * case) take it instead of a bare id, so a child read cannot skip the root's scope check.
 */
export type Scoped<T> = T & { readonly [SCOPED]: true };

/** Mint a scoped key. Only a module's scoped root (a `roots.ts` file) calls this; a test checks it. */
export function scopedKey<T extends object>(value: T): Scoped<T> {
  return value as Scoped<T>;
}
