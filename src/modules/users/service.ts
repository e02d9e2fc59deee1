import { z } from 'zod';
import type { Database } from '../../db/engine.ts';
import { covers, requireAreaField, type Scope } from '../../kernel/scope.ts';
import { allow } from './permissions.ts';
import { write } from '../../db/write.ts';
import { AppError } from '../../kernel/errors.ts';
import { appendAudit } from '../../kernel/audit/append.ts';
import { findArea } from '../areas/index.ts';
import { levelOf, type AreaLevel } from '../../kernel/areas.ts';
import { hashPassword, PASSWORD_MIN_LENGTH } from './password.ts';
import * as repo from './repo.ts';
import { forgetUserSessions } from './session-cache.ts';
import { DEPARTMENTS, permissionsOf, ROLE_LEVELS, ROLES, type Action, type Department, type Role } from '../../kernel/permissions.ts';

export interface User {
  id: number;
  username: string;
  displayName: string;
  role: Role;
  areaCode: string;
  areaName: string;
  areaLevel: AreaLevel;
  department: string | null;
  /** What the role may do: the web UI hides what the API would refuse. */
  permissions: Action[];
}

export const toUser = (r: repo.UserWithArea): User => ({
  id: r.id,
  username: r.username,
  displayName: r.display_name,
  role: r.role as Role,
  areaCode: r.area_code,
  areaName: r.area_name,
  areaLevel: levelOf(r.area_code),
  department: r.department,
  permissions: permissionsOf(r.role as Role),
});

export const newUserSchema = z.strictObject({
  username: z.string().regex(/^[a-z][a-z0-9._-]{2,39}$/, '用户名为3–40位小写字母、数字或 . _ -，以字母开头'),
  displayName: z.string().trim().min(1, '请填写姓名').max(40),
  password: z.string().min(PASSWORD_MIN_LENGTH, `密码至少 ${PASSWORD_MIN_LENGTH} 位`).max(200),
  role: z.enum(ROLES),
  areaCode: z.string().regex(/^(\d{6}|\d{9}|\d{12})$/, '区划代码应为6、9或12位数字'),
  department: z.enum(DEPARTMENTS).optional(),
});
export type NewUser = z.infer<typeof newUserSchema>;

export async function listUsers(db: Database, scope: Scope): Promise<User[]> {
  allow(scope, 'users.read');
  return (await repo.listUsers(db.kysely, scope)).map(toUser);
}

/** Refuses a password the policy rejects, naming `field`. The policy (zxcvbn's dictionaries) loads on first use, not at start. */
export async function requireStrongPassword(password: string, names: readonly string[], field = 'password'): Promise<void> {
  const { passwordProblem } = await import('./password-policy.ts');
  const problem = passwordProblem(password, names);
  if (problem) throw AppError.field(field, problem, 'weak_password');
}

/** Who may give which role in which area: the same rules for a new user and a changed one. */
async function checkAssignment(db: Database, scope: Scope, a: { role: Role; areaCode: string; department: string | null }): Promise<void> {
  requireAreaField(scope, 'areaCode', a.areaCode);
  if (a.role === 'prefecture_admin' && scope.role !== 'prefecture_admin' && scope.role !== 'system') {
    throw AppError.field('role', '只有州级管理员可以设置州级管理员');
  }
  const level = levelOf(a.areaCode);
  if (!ROLE_LEVELS[a.role].includes(level)) {
    throw AppError.field('areaCode', `角色 ${a.role} 须属于 ${ROLE_LEVELS[a.role].join('/')} 级区划，而 ${a.areaCode} 是 ${level}`);
  }
  if ((a.role === 'partner') !== (a.department !== null)) {
    throw AppError.field('department', a.role === 'partner' ? '协同部门用户须指定部门' : '只有协同部门用户可指定部门');
  }
  requireAreaField(scope, 'areaCode', a.areaCode, (await findArea(db.kysely, scope, a.areaCode)) !== undefined);
}

export async function createUser(db: Database, scope: Scope, input: NewUser): Promise<User> {
  allow(scope, 'users.manage');
  await checkAssignment(db, scope, { role: input.role, areaCode: input.areaCode, department: input.department ?? null });
  await requireStrongPassword(input.password, [input.username, input.displayName]);
  return insertAccount(db, scope, input);
}

/** Stores an account without the policy or assignment checks: createUser after them, and the demo seed (system scope). */
export async function insertAccount(db: Database, scope: Scope, input: NewUser): Promise<User> {
  if (await repo.findByUsername(db.kysely, input.username)) {
    throw new AppError('username_taken', `用户名 ${input.username} 已存在`, 409, { fields: [{ field: 'username', message: '用户名已存在' }] });
  }
  const passwordHash = await hashPassword(input.password);
  const id = await write(db, scope, async (tx) => {
    const id = await repo.insertUser(tx, {
      username: input.username,
      display_name: input.displayName,
      role: input.role,
      area_code: input.areaCode,
      department: input.department ?? null,
      password_hash: passwordHash,
    });
    const { password: _omit, ...safe } = input;
    await appendAudit(tx, scope, { action: 'users.create', entity: 'user', entityId: String(id), areaCode: input.areaCode, after: safe });
    return id;
  });
  const row = await repo.findById(db.kysely, id);
  if (!row) throw new Error('user vanished after insert');
  return toUser(row);
}

export const userChangeSchema = z
  .strictObject({
    role: z.enum(ROLES).optional(),
    areaCode: z.string().regex(/^(\d{6}|\d{9}|\d{12})$/, '区划代码应为6、9或12位数字').optional(),
    department: z.enum(DEPARTMENTS).nullable().optional(),
    active: z.boolean().optional(),
  })
  .refine((c) => Object.values(c).some((v) => v !== undefined), '请至少填写一项要修改的内容：role、areaCode、department 或 active');
export type UserChange = z.infer<typeof userChangeSchema>;

/**
 * Changes a user's role, area, department or whether the account is active, and ends every session
 * of that user: what the sessions were allowed to do is no longer what the user may do.
 * A user outside the caller's scope is not found (out of scope looks like not found).
 */
export async function updateUser(db: Database, scope: Scope, username: string, change: UserChange): Promise<User & { active: boolean }> {
  allow(scope, 'users.manage');
  const row = await repo.findByUsername(db.kysely, username);
  if (!row || !covers(scope, row.area_code)) throw AppError.notFound('用户', username);
  const before = { role: row.role as Role, areaCode: row.area_code, department: row.department as Department | null, active: row.active };
  const after = {
    role: change.role ?? before.role,
    areaCode: change.areaCode ?? before.areaCode,
    department: change.department !== undefined ? change.department : before.department,
    active: change.active ?? before.active,
  };
  if (row.id === scope.userId) throw AppError.conflict('own_account', '不能修改自己的角色、区划、部门或启用状态，请由其他管理员修改');
  await checkAssignment(db, scope, after);
  const changed = (Object.keys(after) as (keyof typeof after)[]).some((k) => after[k] !== before[k]);
  if (changed) {
    await write(db, scope, async (tx) => {
      await repo.updateUser(tx, row.id, { role: after.role, area_code: after.areaCode, department: after.department, active: after.active });
      const sessionsEnded = await repo.revokeSessions(tx, row.id);
      await appendAudit(tx, scope, { action: 'users.update', entity: 'user', entityId: String(row.id), areaCode: after.areaCode, before, after: { ...after, sessionsEnded } });
    });
    forgetUserSessions(db, row.id);
  }
  const fresh = await repo.findById(db.kysely, row.id);
  if (!fresh) throw new Error('user vanished after update');
  return { ...toUser(fresh), active: fresh.active };
}
