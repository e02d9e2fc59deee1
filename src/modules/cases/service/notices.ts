// Notices: the decision / rejection / exit notice of a case as .docx, and the public-notice list of a
// county batch per village or township (公示: name, household size and amount only — never an ID
// number, phone, address, diagnosis or disability grade).
import type { Kysely } from 'kysely';
import type { Database } from '../../../db/engine.ts';
import type { DB } from '../../../db/schema.ts';
import type { ParameterSet } from '../../../policy/index.ts';
import { type Scope } from '../../../kernel/scope.ts';
import { allow } from '../permissions.ts';
import { AppError } from '../../../kernel/errors.ts';
import { appealRights, noticeDocx, publicNoticeDocx } from '../../../kernel/docx.ts';
import { yuan } from '../../../kernel/money.ts';
import { programmeOf } from '../../../programmes/registry.ts';
import * as repo from '../repo/cases.ts';
import { decisionRecords, type DecisionRecord } from '../repo/rerate-record.ts';
import type { CaseRow, DecisionRow } from '../repo/cases.ts';
import type { ScopedCase } from '../repo/roots.ts';
import * as batches from '../repo/batches.ts';
import { computeAmount } from './amounts.ts';
import { mustFindBatch } from './batches.ts';
import { mustFindCase } from './engine.ts';
import { caseParameters } from './parameters.ts';
import { namesOf } from '../../areas/index.ts';

const monthText = (m: string) => `${m.slice(0, 4)}年${Number(m.slice(5, 7))}月`;
const dateText = (d: string) => `${d.slice(0, 4)}年${Number(d.slice(5, 7))}月${Number(d.slice(8, 10))}日`;

/** The decisions a written notice is issued for (决定通知书). */
export const NOTICE_DECISIONS: readonly string[] = ['approve', 'reject', 'exit', 'change'];

export interface DecisionText {
  title: string;
  /** The paragraphs of the notice, the appeal rights last. */
  body: string[];
  issuer: string;
  /** The date as printed (2026年12月7日). */
  issuedOn: string;
}

/** The wording of a decision's notice, built once for the .docx and for the citizen's list of notices. */
export async function decisionText(db: Kysely<DB>, c: CaseRow, decision: DecisionRecord): Promise<DecisionText> {
  const names = await namesOf(db, [c.county_code]);
  const county = names.get(c.county_code) ?? c.county_code;
  const p = programmeOf(c.programme);
  const labels = p.labels['zh-CN'];
  const programme = labels.name;
  const what = labels.benefit;
  const oneOff = p.benefit?.schedule === 'one_off';
  let title: string;
  let body: string[];
  if (decision.kind === 'approve') {
    title = `${programme}审批决定通知书`;
    body = [
      `你（户）于${dateText(c.applied_on)}提出的${programme}申请，经调查核实、公示和审核，决定予以批准。`,
      oneOff
        ? `核定${what} ${yuan(decision.amount_fen ?? 0)} 元（一次性给予），于${monthText(decision.effective_month ?? '')}发放。`
        : `核定每月${what} ${yuan(decision.amount_fen ?? 0)} 元，自${monthText(decision.effective_month ?? '')}起发放。`,
      '享受期间家庭人口、收入、财产状况发生变化的，应当及时告知乡镇人民政府（街道办事处）。',
    ];
  } else if (decision.kind === 'change') {
    // 调整保障金 (one case's change_amount, or a bulk re-rating: 批量调标)
    title = `${programme}调整通知书`;
    body = [
      `经审核，决定自${monthText(decision.effective_month ?? '')}起将你（户）的${what}调整为每月 ${yuan(decision.amount_fen ?? 0)} 元。`,
      `理由：${decision.reason ?? ''}`,
    ];
  } else if (decision.kind === 'reject') {
    title = `${programme}不予批准通知书`;
    body = [`你（户）于${dateText(c.applied_on)}提出的${programme}申请，经审核，决定不予批准。`, `理由：${decision.reason ?? ''}`];
  } else {
    title = `停止${programme}通知书`;
    body = [`经审核，决定自${monthText(decision.effective_month ?? '')}起停止发放你（户）的${what}。`, `理由：${decision.reason ?? ''}`];
  }
  body.push(appealRights(county));
  return { title, body, issuer: `${county}民政局`, issuedOn: dateText(decision.decided_on) };
}

/** The .docx of a case's latest decision with a notice (the caller has found the case in its scope). */
export async function latestDecisionDocx(db: Database, c: ScopedCase): Promise<{ filename: string; body: Buffer }> {
  const decision = (await decisionRecords(db.kysely, c.key)).reverse().find((d) => NOTICE_DECISIONS.includes(d.kind));
  if (!decision) throw AppError.conflict('no_decision', `案件 ${c.case_no} 尚未作出审批、不予批准或退出决定`);
  const text = await decisionText(db.kysely, c, decision);
  const buffer = await noticeDocx({ title: text.title, caseNo: c.case_no, applicantName: c.applicant_name, body: text.body, issuer: text.issuer, issuedOn: text.issuedOn });
  return { filename: `${text.title}-${c.case_no}.docx`, body: buffer };
}

export async function decisionNotice(db: Database, scope: Scope, caseNo: string): Promise<{ filename: string; body: Buffer }> {
  allow(scope, 'cases.read');
  return latestDecisionDocx(db, await mustFindCase(db, scope, caseNo));
}

export type NoticeAmount = Pick<PublicNoticeItem, 'amountFen' | 'amountStatus'>;

/**
 * The amount a public notice shows: the approved one, else the amount proposed as of `asOf` with the
 * case's rule set, else none (the figures are not complete yet).
 */
export async function noticeAmount(db: Kysely<DB>, params: ParameterSet, c: CaseRow, approved: DecisionRow | undefined, asOf: string): Promise<NoticeAmount> {
  if (approved) return { amountFen: approved.amount_fen, amountStatus: 'decided' };
  const programme = programmeOf(c.programme);
  if (!programme.benefit) return { amountFen: null, amountStatus: 'none' };
  try {
    return { amountFen: (await computeAmount(db, params, programme, c, c.context, asOf, c.rule_set)).amountFen, amountStatus: 'proposed' };
  } catch (e) {
    if (!(e instanceof AppError)) throw e;
    return { amountFen: null, amountStatus: 'none' };
  }
}

export interface PublicNoticeItem {
  villageCode: string;
  villageName: string;
  name: string;
  householdSize: number;
  amountFen: number | null;
  amountStatus: 'decided' | 'proposed' | 'none';
}

/** The list for posting: per village or township of a batch (`area` filters), nothing personal beyond the name. */
export async function publicNoticeList(db: Database, scope: Scope, batchNo: string, area?: string) {
  allow(scope, 'cases.read');
  const b = await mustFindBatch(db, scope, batchNo);
  const members = (await batches.batchMembers(db.kysely, b.county_code, b.id)).filter((m) => !area || m.area_code.startsWith(area));
  const sizes = await repo.householdSizes(db.kysely, b.county_code, members.map((m) => m.household_id));
  const names = await namesOf(db.kysely, members.map((m) => m.area_code));
  const params = await caseParameters(db);
  const ids = members.map((m) => m.case_id);
  const [cases, approved] = await Promise.all([repo.casesByIds(db.kysely, scope, b.county_code, ids), repo.approvals(db.kysely, b.county_code, ids)]);
  const byId = new Map(cases.map((c) => [c.id, c]));
  const items: PublicNoticeItem[] = [];
  for (const m of members) {
    const c = byId.get(m.case_id);
    if (!c || c.state === 'rejected' || c.state === 'withdrawn') continue;
    // The amount proposed as of the batch date when none is decided yet.
    const amount = await noticeAmount(db.kysely, params, c, approved.get(c.id), b.created_on);
    items.push({ villageCode: m.area_code, villageName: names.get(m.area_code) ?? m.area_code, name: m.applicant_name, householdSize: sizes.get(m.household_id) ?? 0, ...amount });
  }
  items.sort((x, y) => (x.villageCode < y.villageCode ? -1 : x.villageCode > y.villageCode ? 1 : 0));
  return { batchNo, programme: b.programme, area: area ?? null, items };
}

export async function publicNoticeDocument(db: Database, scope: Scope, batchNo: string, area?: string): Promise<{ filename: string; body: Buffer }> {
  const list = await publicNoticeList(db, scope, batchNo, area);
  const title = `${programmeOf(list.programme).labels['zh-CN'].name}公示名单（批次 ${batchNo}）`;
  const rows = list.items.map((i) => ({ villageName: i.villageName, name: i.name, householdSize: i.householdSize, amount: i.amountFen === null ? '—' : yuan(i.amountFen) }));
  const body = await publicNoticeDocx(title, rows, '公示期间如有异议，请向乡镇人民政府（街道办事处）或县级民政部门反映。');
  return { filename: `公示名单-${batchNo}.docx`, body };
}
