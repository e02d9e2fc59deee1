import type { ColumnType, Generated, Insertable, Selectable } from 'kysely';
import type { RegistryTables } from '../modules/registry/tables.ts';
import type { CaseTables } from '../modules/cases/tables.ts';
import type { PolicyTables } from '../modules/policy/tables.ts';
import type { IntakeTables } from '../modules/intake/tables.ts';
import type { OversightTables } from '../modules/oversight/tables.ts';
import type { VerificationTables } from '../modules/verification/tables.ts';
import type { PayrollTables } from '../modules/payroll/tables.ts';
import type { StatsTables } from '../modules/stats/tables.ts';

/**
 * Typed schema of the tables. Each module declares its own tables here, next to the
 * migration that creates them; repositories are the only code that query them.
 */
export interface AreaTable {
  code: string;
  name: string;
  level: 'prefecture' | 'county' | 'township' | 'village';
  parent_code: string | null;
  kind: 'standard' | 'functional_zone';
  stat_code: string | null;
  urban: boolean | null;
  prefecture_code: string;
  county_code: string | null;
}

export interface UserTable {
  id: Generated<number>;
  username: string;
  display_name: string;
  role: string;
  area_code: string;
  department: string | null;
  password_hash: string;
  active: Generated<boolean>;
  created_at: Generated<Date>;
}

export interface SessionTable {
  token_hash: string;
  user_id: number;
  kind: 'cookie' | 'api';
  label: string | null;
  created_at: Generated<Date>;
  expires_at: Date;
}

export interface LoginAttemptTable {
  id: Generated<number>;
  username: string;
  ip: string;
  at: Generated<Date>;
  success: boolean;
}

type Json = ColumnType<unknown, string | null, string | null>;

export interface AuditLogTable {
  id: number;
  at: Date;
  actor_id: number | null;
  actor_name: string | null;
  action: string;
  entity: string;
  entity_id: string | null;
  area_code: string | null;
  before: Json;
  after: Json;
  prev_hash: string;
  hash: string;
}

export interface DB extends RegistryTables, PolicyTables, CaseTables, IntakeTables, OversightTables, VerificationTables, PayrollTables, StatsTables {
  areas: AreaTable;
  users: UserTable;
  sessions: SessionTable;
  login_attempts: LoginAttemptTable;
  audit_log: AuditLogTable;
}

export type AreaRow = Selectable<AreaTable>;
export type NewArea = Insertable<AreaTable>;
export type UserRow = Selectable<UserTable>;
export type AuditRow = Selectable<AuditLogTable>;
