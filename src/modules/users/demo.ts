import type { Database } from '../../db/engine.ts';
import { systemScope } from '../../kernel/scope.ts';
import * as repo from './repo.ts';
import { insertAccount, type NewUser } from './service.ts';

/** Shown in the README; only ever created in demo mode, so it is not held to the password policy. */
export const DEMO_PASSWORD = 'jiuzhu-demo';

export const DEMO_ACCOUNTS: Omit<NewUser, 'password'>[] = [
  { username: 'qiannan.admin', displayName: '州民政局管理员', role: 'prefecture_admin', areaCode: '522700' },
  { username: 'duyun.approver', displayName: '都匀市民政局审批员', role: 'county_approver', areaCode: '522701' },
  { username: 'guanghui.caseworker', displayName: '广惠街道窗口经办员', role: 'township_caseworker', areaCode: '522701001' },
  { username: 'wenfeng.caseworker', displayName: '文峰街道窗口经办员', role: 'township_caseworker', areaCode: '522701002' },
  { username: 'guanghui.clerk', displayName: '广惠街道社区协理员', role: 'village_clerk', areaCode: '522701001001' },
  { username: 'qiannan.auditor', displayName: '州审计监督员', role: 'auditor', areaCode: '522700' },
  { username: 'duyun.medical', displayName: '都匀市医保局', role: 'partner', areaCode: '522701', department: 'medical_security' },
];

export async function ensureDemoAccounts(db: Database): Promise<string[]> {
  const created: string[] = [];
  for (const account of DEMO_ACCOUNTS) {
    if (await repo.findByUsername(db.kysely, account.username)) continue;
    await insertAccount(db, systemScope('demo'), { ...account, password: DEMO_PASSWORD });
    created.push(account.username);
  }
  return created;
}
