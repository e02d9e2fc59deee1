import type { Action } from '../../../src/modules/users/roles.ts';
// Shapes of the /api/v1 contract that the web UI relies on.

export type Role =
  | 'village_clerk'
  | 'township_caseworker'
  | 'county_approver'
  | 'prefecture_admin'
  | 'auditor'
  | 'partner';

export const ROLES: readonly Role[] = [
  'village_clerk',
  'township_caseworker',
  'county_approver',
  'prefecture_admin',
  'auditor',
  'partner',
];

/** Partner departments of one-window intake (users of role `partner` belong to one). */
export const DEPARTMENTS = [
  'education',
  'housing',
  'human_resources',
  'medical_security',
  'disability_federation',
  'emergency_management',
  'health',
  'public_security',
  'natural_resources',
  'tax',
] as const;
export type Department = (typeof DEPARTMENTS)[number];

export type AreaLevel = 'prefecture' | 'county' | 'township' | 'village';

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
  actorName: string | null;
  action: string;
  entity: string;
  entityId: string | null;
  areaCode: string | null;
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
