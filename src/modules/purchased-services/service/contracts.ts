// Purchase contracts (政府购买服务合同): registered by the county approver with a provider from the county's
// register of social organisations (社会工作服务机构, 志愿服务组织 or other — a charity as such does not take
// on case work), kind 事务性/服务性, period, amount (fen) and signing date; ended or terminated (with the
// reason) once. Bad input: 400 naming every field, nothing written. Numbers: GM + county + year signed + 6 digits.
import type { z } from 'zod';
import type { Database } from '../../../db/engine.ts';
import { write } from '../../../db/write.ts';
import { appendAudit } from '../../../kernel/audit/append.ts';
import { todayInChina } from '../../../kernel/clock.ts';
import { AppError, type FieldError } from '../../../kernel/errors.ts';
import { visibleCounties, type Scope } from '../../../kernel/scope.ts';
import { nextSerialNo } from '../../../kernel/serials.ts';
import { actingCounty } from '../../areas/index.ts';
import { mustFindOrganisation } from '../../volunteers/index.ts';
import type { closeSchema, contractQuery, newContractSchema } from '../contract/contracts.ts';
import { CONTRACT_KIND_LABELS, CONTRACT_STATUS_LABELS } from '../labels.ts';
import { allow } from '../permissions.ts';
import { contractById, contractsIn, evaluationsIn, type ContractRow } from '../repo/contracts.ts';
import { collect, CONTRACT, invalid, mayManageCountyRegister, mustManageCountyRegister, mustSeeCounty } from './access.ts';
import { evaluationView } from './evaluations.ts';

const CONTRACT_PREFIX = 'GM';
/** Kinds of organisation that may provide purchased case work. */
const PROVIDER_KINDS = new Set(['social_work', 'volunteer_org', 'other']);

export const contractView = (c: ContractRow) => ({
  id: c.id, contractNo: c.contract_no, countyCode: c.county_code, countyName: c.county_name, providerId: c.provider_id, providerName: c.provider_name,
  kind: c.kind, kindLabel: CONTRACT_KIND_LABELS[c.kind], title: c.title, periodFrom: c.period_from, periodTo: c.period_to, amountFen: c.amount_fen,
  signedOn: c.signed_on, status: c.status, statusLabel: CONTRACT_STATUS_LABELS[c.status], closedOn: c.closed_on, closeReason: c.close_reason,
  tasks: c.tasks, tasksDone: c.tasks_done, tasksOverdue: c.tasks_overdue,
});

export async function createContract(db: Database, scope: Scope, input: z.output<typeof newContractSchema>): Promise<number> {
  allow(scope, 'purchased_services.manage');
  if (scope.kind !== 'system' && scope.areaLevel !== 'county') throw AppError.forbidden('合同由县级民政部门登记');
  const county = await actingCounty(db, scope, input.countyCode, '请指定合同所属的县（市、区）');
  mustManageCountyRegister(scope, county);
  const errors: FieldError[] = [];
  const today = todayInChina();
  const provider = await collect(errors, mustFindOrganisation(db, scope, input.providerId, 'providerId'));
  if (provider && provider.countyCode !== county) errors.push({ field: 'providerId', message: `「${provider.name}」不是本县登记的社会组织` });
  else if (provider && !PROVIDER_KINDS.has(provider.kind)) errors.push({ field: 'providerId', message: '承接机构应为社会工作服务机构、志愿服务组织或其他社会组织' });
  else if (provider && provider.status !== 'active') errors.push({ field: 'providerId', message: `「${provider.name}」已注销` });
  if (input.periodTo < input.periodFrom) errors.push({ field: 'periodTo', message: '服务期限的结束日期不能早于开始日期' });
  if (input.signedOn > today) errors.push({ field: 'signedOn', message: `签订日期不能晚于今天 ${today}` });
  else if (input.signedOn > input.periodTo) errors.push({ field: 'signedOn', message: '签订日期不能晚于服务期限的结束日期' });
  if (errors.length > 0) throw invalid(errors);
  return write(db, scope, async (tx) => {
    const contractNo = await nextSerialNo(tx, CONTRACT_PREFIX, county, input.signedOn.slice(0, 4));
    const row = await tx.insertInto('purchase_contracts').values({
      county_code: county, contract_no: contractNo, provider_id: input.providerId, kind: input.kind, title: input.title, period_from: input.periodFrom,
      period_to: input.periodTo, amount_fen: input.amountFen, signed_on: input.signedOn, recorded_by: scope.userName,
    }).returning('id').executeTakeFirstOrThrow();
    await appendAudit(tx, scope, { action: 'purchased_services.contract.create', entity: 'purchase_contract', entityId: contractNo, areaCode: county, after: { ...input, providerName: provider?.name } });
    return Number(row.id);
  });
}

export async function listContracts(db: Database, scope: Scope, q: z.output<typeof contractQuery>) {
  allow(scope, 'purchased_services.read');
  return { items: (await contractsIn(db.kysely, visibleCounties(scope, 'c.county_code'), q, todayInChina())).map(contractView) };
}

export async function contractDetail(db: Database, scope: Scope, id: number) {
  allow(scope, 'purchased_services.read');
  const today = todayInChina();
  const c = mustSeeCounty(scope, await contractById(db.kysely, id, today), CONTRACT, id);
  const evaluations = await evaluationsIn(db.kysely, visibleCounties(scope, 'e.county_code'), { contract: c.id }, today);
  return { ...contractView(c), evaluations: evaluations.map(evaluationView), mayManage: mayManageCountyRegister(scope, c.county_code) };
}

/** Ends (the period is over or the work is finished) or terminates (with the reason) an active contract. */
export async function closeContract(db: Database, scope: Scope, id: number, status: 'ended' | 'terminated', input: z.output<typeof closeSchema>) {
  allow(scope, 'purchased_services.manage');
  const c = mustSeeCounty(scope, await contractById(db.kysely, id, todayInChina()), CONTRACT, id);
  mustManageCountyRegister(scope, c.county_code);
  if (c.status !== 'active') throw AppError.conflict('purchase_contract_status', `合同 ${c.contract_no} ${CONTRACT_STATUS_LABELS[c.status]}`, { status: c.status });
  const errors: FieldError[] = [];
  const today = todayInChina();
  if (input.on > today) errors.push({ field: 'on', message: `日期不能晚于今天 ${today}` });
  if (input.on < c.signed_on) errors.push({ field: 'on', message: `日期不能早于签订日期 ${c.signed_on}` });
  if (status === 'terminated' && input.reason === undefined) errors.push({ field: 'reason', message: '请填写终止原因' });
  if (errors.length > 0) throw invalid(errors);
  await write(db, scope, async (tx) => {
    const res = await tx.updateTable('purchase_contracts').set({ status, closed_on: input.on, close_reason: input.reason ?? null })
      .where('county_code', '=', c.county_code).where('id', '=', c.id).where('status', '=', 'active').executeTakeFirst();
    if (Number(res.numUpdatedRows) !== 1) throw AppError.conflict('purchase_contract_status', `合同 ${c.contract_no} 已被他人变更，请刷新后重试`);
    await appendAudit(tx, scope, { action: `purchased_services.contract.${status === 'ended' ? 'end' : 'terminate'}`, entity: 'purchase_contract', entityId: c.contract_no, areaCode: c.county_code, before: { status: c.status }, after: { status, ...input } });
  });
  return contractDetail(db, scope, c.id);
}
