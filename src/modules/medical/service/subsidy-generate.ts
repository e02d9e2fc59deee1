// Generating a county's premium-subsidy list of a year: the recipients current in the month of the
// as-of date (one row per person, 特困 before 低保), each with the contribution and subsidy of their
// group, written by one INSERT … SELECT; one list in force per county and year.
import type { Database } from '../../../db/engine.ts';
import { bulkWrite } from '../../../db/write.ts';
import { appendAudit } from '../../../kernel/audit/append.ts';
import { levelOf } from '../../../kernel/areas.ts';
import { todayInChina } from '../../../kernel/clock.ts';
import { AppError } from '../../../kernel/errors.ts';
import { covers, requireAreaField, type Scope } from '../../../kernel/scope.ts';
import { nextSerialNo } from '../../../kernel/serials.ts';
import { allow } from '../permissions.ts';
import * as entries from '../repo/subsidy-entries.ts';
import * as lists from '../repo/subsidy-lists.ts';
import { subsidyAmounts } from './subsidy-amounts.ts';
import { STATUS_LABELS } from './subsidy-labels.ts';

export interface GenerateInput { countyCode: string; year: number; asOf: string }

export interface Generated { listNo: string; countyCode: string; year: number; asOf: string; status: 'draft'; statusLabel: string; persons: number; amountFen: number }

/** The one-list-per-county-and-year index refused a second list (one generated at the same moment). */
const yearTaken = (e: unknown) => typeof e === 'object' && e !== null && (e as { code?: unknown }).code === '23505'
  && String((e as { constraint?: unknown }).constraint).replace(/_p\d+$/, '') === 'medical_subsidy_lists_year_idx'; // _p<r>: a partition's index (src/db/partition.ts)

export async function generateSubsidyList(db: Database, scope: Scope, input: GenerateInput): Promise<Generated> {
  allow(scope, 'medical.subsidy');
  const { countyCode: county, year, asOf } = input;
  if (!/^\d{6}$/.test(county) || levelOf(county) !== 'county') throw AppError.field('countyCode', `${county} 不是县级区划代码`);
  const exists = covers(scope, county) && (await db.kysely.selectFrom('areas').select('code').where('code', '=', county).executeTakeFirst()) !== undefined;
  requireAreaField(scope, 'countyCode', county, exists);
  const amounts = await subsidyAmounts(db, county, year, asOf);
  const existing = await lists.activeOf(db.kysely, county, year);
  if (existing) throw exists409(county, year, existing.list_no);
  try {
    return await bulkWrite(db, scope, async (tx) => {
      const listNo = await nextSerialNo(tx, 'ZC', county, String(year));
      const id = await lists.insertList(tx, { county, listNo, year, asOf, createdBy: scope.userName, createdOn: todayInChina() });
      const totals = await entries.generateEntries(tx, { county_code: county, id }, asOf.slice(0, 7), amounts);
      if (totals.persons === 0) throw AppError.conflict('subsidy_list_empty', `${county} 在 ${asOf} 没有特困人员或低保对象，名单未生成`, { countyCode: county, asOf });
      await appendAudit(tx, scope, { action: 'medical.subsidy.generate', entity: 'medical_subsidy_list', entityId: listNo, areaCode: county, after: { year, asOf, ...totals, amounts } });
      return { listNo, countyCode: county, year, asOf, status: 'draft' as const, statusLabel: STATUS_LABELS.draft, ...totals };
    });
  } catch (e) {
    if (yearTaken(e)) {
      const other = await lists.activeOf(db.kysely, county, year);
      throw exists409(county, year, other?.list_no ?? '');
    }
    throw e;
  }
}

function exists409(county: string, year: number, listNo: string): AppError {
  return AppError.conflict('subsidy_list_exists', `${county} ${year} 年度的资助参保名单已存在（${listNo}）；作废后才能重新生成`, { countyCode: county, year, listNo });
}
