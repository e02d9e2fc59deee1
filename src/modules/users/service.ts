import { z } from 'zod';
import type { Database } from '../../db/engine.ts';
import { requireAreaField, type Scope } from '../../kernel/scope.ts';
import { allow } from './permissions.ts';
import { write } from '../../db/write.ts';
import { AppError } from '../../kernel/errors.ts';
import { appendAudit } from '../../kernel/audit/append.ts';
import { findArea } from '../areas/index.ts';
import { levelOf, type AreaLevel } from '../../kernel/areas.ts';
import { hashPassword, PASSWORD_MIN_LENGTH } from './password.ts';
import * as repo from './repo.ts';
import { DEPARTMENTS, permissionsOf, ROLE_LEVELS, ROLES, type Action, type Role } from '../../kernel/permissions.ts';

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

export async function createUser(db: Database, scope: Scope, input: NewUser): Promise<User> {
  allow(scope, 'users.manage');
  requireAreaField(scope, 'areaCode', input.areaCode);
  if (input.role === 'prefecture_admin' && scope.role !== 'prefecture_admin' && scope.role !== 'system') {
    throw AppError.field('role', '只有州级管理员可以创建州级管理员');
  }
  const level = levelOf(input.areaCode);
  if (!ROLE_LEVELS[input.role].includes(level)) {
    throw AppError.field('areaCode', `角色 ${input.role} 须属于 ${ROLE_LEVELS[input.role].join('/')} 级区划，而 ${input.areaCode} 是 ${level}`);
  }
  if ((input.role === 'partner') !== (input.department !== undefined)) {
    throw AppError.field('department', input.role === 'partner' ? '协同部门用户须指定部门' : '只有协同部门用户可指定部门');
  }
  if (!(await findArea(db.kysely, scope, input.areaCode))) throw AppError.field('areaCode', `区划 ${input.areaCode} 不存在`);
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
