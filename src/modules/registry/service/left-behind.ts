// A member's 留守 flag (`members.left_behind`: child / elder / woman) set by another module's record — the
// left-behind module's yearly survey — inside that module's transaction, written to the household's
// history and the audit log as a member change (`member.update`: the timeline shows 修改成员信息 with the
// 留守 field before and after). The caller has found the household in its scope.
import type { Kysely } from 'kysely';
import type { DB } from '../../../db/schema.ts';
import { appendAudit } from '../../../kernel/audit/append.ts';
import { AppError } from '../../../kernel/errors.ts';
import type { Scope } from '../../../kernel/scope.ts';
import * as households from '../repo/households.ts';
import type { MemberTable } from '../tables.ts';

export type LeftBehindKind = NonNullable<MemberTable['left_behind']>;

/** Sets the flag; nothing is written (and false returned) when it already says so. */
export async function setMemberLeftBehind(
  tx: Kysely<DB>, scope: Scope,
  household: { county_code: string; id: number; household_no: string; village_code: string },
  memberId: number, kind: LeftBehindKind | null,
): Promise<boolean> {
  const m = await tx.selectFrom('members').select(['id_number', 'left_behind'])
    .where('county_code', '=', household.county_code).where('household_id', '=', household.id).where('id', '=', memberId).executeTakeFirst();
  if (!m) throw AppError.notFound('家庭成员', String(memberId));
  if (m.left_behind === kind) return false;
  await tx.updateTable('members').set({ left_behind: kind }).where('county_code', '=', household.county_code).where('id', '=', memberId).execute();
  const before = { idNumber: m.id_number, leftBehind: m.left_behind };
  const after = { idNumber: m.id_number, leftBehind: kind };
  await households.addHistory(tx, scope, { countyCode: household.county_code, householdId: household.id, action: 'member.update', subject: m.id_number, before, after });
  await appendAudit(tx, scope, { action: 'registry.member.update', entity: 'household', entityId: household.household_no, areaCode: household.village_code, before, after });
  return true;
}
