import type { Generated, Selectable } from 'kysely';

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

/** Login throttle counters (migration 0080); the auth module keeps them. */
export interface LoginThrottleTable {
  kind: 'pair' | 'user' | 'ip';
  username: string;
  ip: string;
  failures: Generated<number>;
  window_start: Date;
  last_at: Date | null;
  succeeded_at: Date | null;
}

export interface UserTables {
  users: UserTable;
  sessions: SessionTable;
  login_attempts: LoginAttemptTable;
  login_throttle: LoginThrottleTable;
}

export type UserRow = Selectable<UserTable>;

declare module '../../db/schema.ts' {
  interface DB extends UserTables {}
}
