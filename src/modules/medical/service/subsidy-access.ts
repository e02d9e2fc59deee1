// Who sees and who changes a premium-subsidy list. A list is a county's: users whose area covers the
// county see it whole; users inside the county see its header and the entries of their own area.
// Changing it needs the county in scope and `medical.subsidy`. A list out of scope is not found.
import { sql, type Expression, type SqlBool } from 'kysely';
import type { Database } from '../../../db/engine.ts';
import { AppError } from '../../../kernel/errors.ts';
import { covers, inScope, seesCounty, visibleCounties, type Scope } from '../../../kernel/scope.ts';
import { allow } from '../permissions.ts';
import { listNoSchema } from '../contract/subsidy.ts';
import * as lists from '../repo/subsidy-lists.ts';

export const WHAT = '资助参保名单';

export { seesCounty, visibleCounties };

export async function mustFindList(db: Database, scope: Scope, listNo: string): Promise<lists.ListRow> {
  allow(scope, 'medical.lists');
  if (!listNoSchema.safeParse(listNo).success) throw AppError.field('listNo', '名单编号格式应为 ZC + 县代码 + 年度 + 6位序号');
  const l = await lists.byNo(db.kysely, listNo);
  if (!l || !seesCounty(scope, l.county_code)) throw AppError.notFound(WHAT, listNo);
  return l;
}

/** A list the caller may change: `medical.subsidy` and the whole county in scope (else not found). */
export async function mustChangeList(db: Database, scope: Scope, listNo: string): Promise<lists.ListRow> {
  allow(scope, 'medical.subsidy');
  const l = await mustFindList(db, scope, listNo);
  if (!covers(scope, l.county_code)) throw AppError.notFound(WHAT, listNo);
  return l;
}

export function header(l: lists.ListRow, statusLabels: Record<lists.ListRow['status'], string>) {
  return {
    listNo: l.list_no, countyCode: l.county_code, countyName: l.county_name, year: l.year, asOf: l.as_of,
    status: l.status, statusLabel: statusLabels[l.status], persons: l.persons, amountFen: l.amount_fen, enrolled: l.enrolled, refused: l.refused,
    createdBy: l.created_by, createdOn: l.created_on, reviewedBy: l.reviewed_by, reviewedOn: l.reviewed_on,
    approvedBy: l.approved_by, approvedOn: l.approved_on, exportedOn: l.exported_on, resultImportedOn: l.result_imported_on,
  };
}

export const wrongStatus = (l: lists.ListRow, action: string, statusLabel: string) =>
  AppError.conflict('subsidy_list_status', `名单 ${l.list_no} 当前状态为「${statusLabel}」，不能${action}`, { listNo: l.list_no, status: l.status });
