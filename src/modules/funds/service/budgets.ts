// Budgets (预算, one per county, year, programme, source and earmark) and transfers received (资金到位):
// record and list. A second budget of the same key is refused (409); a transfer is not dated in the future.
import type { z } from 'zod';
import type { Database } from '../../../db/engine.ts';
import { write } from '../../../db/write.ts';
import { appendAudit } from '../../../kernel/audit/append.ts';
import { todayInChina } from '../../../kernel/clock.ts';
import { AppError } from '../../../kernel/errors.ts';
import { inArea, visibleCounties, type Scope } from '../../../kernel/scope.ts';
import { FUND_SOURCE_LABELS } from '../codes.ts';
import type { newBudgetSchema, newTransferSchema, yearQuery } from '../contract/funds.ts';
import { allow } from '../permissions.ts';
import { budgetsIn, transfersIn, type BudgetRow, type TransferRow } from '../repo/funds.ts';
import { fundCounty, readArea } from './access.ts';
import { programmeName } from './labels.ts';

const budgetView = (b: BudgetRow) => ({
  id: b.id, countyCode: b.county_code, countyName: b.county_name, year: b.year, programme: b.programme, programmeLabel: programmeName(b.programme),
  source: b.source, sourceLabel: FUND_SOURCE_LABELS[b.source], earmark: b.earmark, amountFen: b.amount_fen, document: b.document, recordedBy: b.recorded_by,
});
const transferView = (t: TransferRow) => ({
  id: t.id, countyCode: t.county_code, countyName: t.county_name, receivedOn: t.received_on, programme: t.programme, programmeLabel: programmeName(t.programme),
  source: t.source, sourceLabel: FUND_SOURCE_LABELS[t.source], earmark: t.earmark, amountFen: t.amount_fen, document: t.document, recordedBy: t.recorded_by,
});

export async function createBudget(db: Database, scope: Scope, input: z.output<typeof newBudgetSchema>) {
  allow(scope, 'funds.manage');
  const county = await fundCounty(db, scope, input.countyCode);
  const earmark = input.earmark ?? '';
  const same = await db.kysely.selectFrom('fund_budgets').select('id').where('county_code', '=', county).where('year', '=', input.year)
    .where('programme', '=', input.programme).where('source', '=', input.source).where('earmark', '=', earmark).executeTakeFirst();
  if (same) throw new AppError('fund_budget_exists', '该县该年度该项目该来源的预算已登记', 409, { fields: [{ field: 'source', message: '该来源的预算已登记' }] });
  const id = await write(db, scope, async (tx) => {
    const row = await tx.insertInto('fund_budgets').values({
      county_code: county, year: input.year, programme: input.programme, source: input.source, earmark, amount_fen: input.amountFen, document: input.document, recorded_by: scope.userName,
    }).returning('id').executeTakeFirstOrThrow();
    await appendAudit(tx, scope, { action: 'funds.budget.create', entity: 'fund_budget', entityId: String(row.id), areaCode: county, after: input });
    return Number(row.id);
  });
  const rows = await budgetsIn(db.kysely, visibleCounties(scope, 'b.county_code'), inArea(county, 'b.county_code'), input.year);
  return budgetView(rows.find((r) => r.id === id)!);
}

export async function listBudgets(db: Database, scope: Scope, q: z.output<typeof yearQuery>) {
  allow(scope, 'funds.read');
  const area = await readArea(db, scope, q.area);
  return { items: (await budgetsIn(db.kysely, visibleCounties(scope, 'b.county_code'), inArea(area.code, 'b.county_code'), q.year)).map(budgetView) };
}

export async function createTransfer(db: Database, scope: Scope, input: z.output<typeof newTransferSchema>) {
  allow(scope, 'funds.manage');
  const county = await fundCounty(db, scope, input.countyCode);
  if (input.receivedOn > todayInChina()) throw AppError.field('receivedOn', '到位日期不能晚于今天');
  const id = await write(db, scope, async (tx) => {
    const row = await tx.insertInto('fund_transfers').values({
      county_code: county, received_on: input.receivedOn, programme: input.programme, source: input.source, earmark: input.earmark ?? '',
      amount_fen: input.amountFen, document: input.document, recorded_by: scope.userName,
    }).returning('id').executeTakeFirstOrThrow();
    await appendAudit(tx, scope, { action: 'funds.transfer.create', entity: 'fund_transfer', entityId: String(row.id), areaCode: county, after: input });
    return Number(row.id);
  });
  const rows = await transfersIn(db.kysely, visibleCounties(scope, 't.county_code'), inArea(county, 't.county_code'), input.receivedOn, input.receivedOn);
  return transferView(rows.find((r) => r.id === id)!);
}

export async function listTransfers(db: Database, scope: Scope, q: z.output<typeof yearQuery>) {
  allow(scope, 'funds.read');
  const area = await readArea(db, scope, q.area);
  return { items: (await transfersIn(db.kysely, visibleCounties(scope, 't.county_code'), inArea(area.code, 't.county_code'), `${q.year}-01-01`, `${q.year}-12-31`)).map(transferView) };
}
