// Shapes of the /api/v1 contract that the web UI relies on.
import type { Action } from '../../../src/kernel/permissions.ts';

// The code lists are the server's own (one definition, type-checked on both sides).
export { DEPARTMENTS, ROLES } from '../../../src/kernel/permissions.ts';
export type { Department, Role } from '../../../src/kernel/permissions.ts';
export type { AreaLevel } from '../../../src/kernel/areas.ts';
import type { Department, Role } from '../../../src/kernel/permissions.ts';
import type { AreaLevel } from '../../../src/kernel/areas.ts';

export interface User {
  id: number;
  username: string;
  displayName: string;
  role: Role;
  areaCode: string;
  areaName: string;
  areaLevel: AreaLevel;
  department: string | null;
  permissions: Action[];
}

export interface Area {
  code: string;
  name: string;
  level: AreaLevel;
  parentCode: string | null;
  kind: 'standard' | 'functional_zone';
  childCount: number;
  /** A village's 城镇 (true) / 农村 (false); null above village level. */
  urban: boolean | null;
  urbanSource: 'derived' | 'manual';
}

export interface AreaNode extends Area {
  children: AreaNode[];
}

export interface AreaSearchHit extends Area {
  pathNames: string[];
}

export interface AreaDetail {
  area: Area;
  ancestors: Area[];
  counts: { county: number; township: number; village: number };
}

export interface AuditEntry {
  id: number;
  at: string;
  /** The account's user name (`system`/`demo` for jobs); actorDisplayName is what staff read. */
  actorName: string | null;
  actorDisplayName: string | null;
  action: string;
  entity: string;
  entityId: string | null;
  areaCode: string | null;
  areaName: string | null;
}

export interface AuditVerifyResult {
  ok: boolean;
  checked: number;
  firstBrokenId: number | null;
}

export interface NewUser {
  username: string;
  displayName: string;
  password: string;
  role: Role;
  areaCode: string;
  department?: Department;
}

export interface FieldError {
  field: string;
  message: string;
}
