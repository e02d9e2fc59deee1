// The citizen portal's notices (issue 21): the public notices (公示) of the citizen's own villages, an
// objection to one of them (公示异议, the engine's own `record_objection` step), and the written decisions
// (决定通知书) on the citizen's own cases. A public notice shows what the posted list shows — the name
// masked, household size and amount — and nothing else personal.
import { z } from 'zod';
import type { Database } from '../../../db/engine.ts';
import { todayInChina } from '../../../kernel/clock.ts';
import { AppError } from '../../../kernel/errors.ts';
import { maskIdNumber, maskName } from '../../../kernel/mask.ts';
import type { Action } from '../../../kernel/permissions.ts';
import { systemScope, type CitizenScope, type SystemScope } from '../../../kernel/scope.ts';
import { CASE_NO_MESSAGE, CASE_NO_PATTERN, programmeOf } from '../../../programmes/registry.ts';
import { findHousehold } from '../../registry/index.ts';
import * as repo from '../repo/cases.ts';
import { decisionRecords } from '../repo/rerate-record.ts';
import { findOwnCase } from '../repo/roots.ts';
import { performTransition } from './engine.ts';
import { decisionText, latestDecisionDocx, NOTICE_DECISIONS, noticeAmount, type NoticeAmount } from './notices.ts';
import { caseParameters } from './parameters.ts';

/** The state of a case under the township's public notice. */
const NOTICE_STATE = 'notice';
/** The audit's and the case history's actor of an anonymous objection. */
export const ANONYMOUS_ACTOR = '匿名（居民端）';

export interface CitizenPublicNotice extends NoticeAmount {
  caseNo: string;
  programmeLabel: string;
  villageName: string;
  /** Masked (张*芳). */
  applicantName: string;
  householdSize: number;
  noticeStart: string;
  noticeEnd: string;
}

/** The system acting for the portal, narrowed to one area (a village to read its notices, a township to record an objection). */
function areaActor(name: string, grants: readonly Action[], areaCode: string, level: 'village' | 'township'): SystemScope {
  return { ...systemScope(name, grants), areaCode, areaLevel: level, prefix: areaCode };
}

/** The villages of the citizen's own households (through the registry's scoped root), with their names. */
async function citizenVillages(db: Database, citizen: CitizenScope): Promise<Map<string, string>> {
  const villages = new Map<string, string>();
  for (const no of citizen.households) {
    const h = await findHousehold(db.kysely, citizen, no);
    if (h) villages.set(h.village_code, h.village_name);
  }
  return villages;
}

/** The cases under public notice in the citizen's villages (ended or not). */
async function noticeCases(db: Database, citizen: CitizenScope) {
  const out: { c: repo.CaseRow; villageName: string }[] = [];
  for (const [village, villageName] of await citizenVillages(db, citizen)) {
    const rows = await repo.villageCasesInState(db.kysely, areaActor('居民端公示', ['cases.read'], village, 'village'), village, NOTICE_STATE);
    out.push(...rows.map((c) => ({ c, villageName })));
  }
  return out;
}

const running = (c: repo.CaseRow, today: string) => c.notice_end !== null && c.notice_end >= today;

/** 本村公示: the cases now under public notice in the villages of the citizen's households, ending soonest first. */
export async function citizenPublicNotices(db: Database, citizen: CitizenScope): Promise<CitizenPublicNotice[]> {
  const today = todayInChina();
  const found = (await noticeCases(db, citizen)).filter(({ c }) => running(c, today));
  if (found.length === 0) return [];
  const params = await caseParameters(db);
  const items: CitizenPublicNotice[] = [];
  for (const { c, villageName } of found) {
    const [sizes, approved] = await Promise.all([repo.householdSizes(db.kysely, c.county_code, [c.household_id]), repo.approvals(db.kysely, c.county_code, [c.id])]);
    // The amount proposed as of the notice's first day when none is decided yet.
    const amount = await noticeAmount(db.kysely, params, c, approved.get(c.id), c.state_since);
    items.push({
      caseNo: c.case_no, programmeLabel: programmeOf(c.programme).labels['zh-CN'].name, villageName, applicantName: maskName(c.applicant_name),
      householdSize: sizes.get(c.household_id) ?? 0, ...amount, noticeStart: c.state_since, noticeEnd: c.notice_end ?? '',
    });
  }
  return items.sort((a, b) => (a.noticeEnd < b.noticeEnd ? -1 : a.noticeEnd > b.noticeEnd ? 1 : a.caseNo < b.caseNo ? -1 : 1));
}

export const OBJECTION_MIN = 4;
export const OBJECTION_MAX = 1000;

export const objectionInputSchema = z.strictObject({
  content: z.string({ message: '请填写异议内容' }).trim()
    .min(OBJECTION_MIN, `请写明异议的具体内容（至少${OBJECTION_MIN}个字）`).max(OBJECTION_MAX, `异议内容过长（至多${OBJECTION_MAX}字）`),
  anonymous: z.boolean({ message: '请选择是否匿名' }).default(false),
});
export type ObjectionInput = z.output<typeof objectionInputSchema>;

/**
 * An objection to a public notice of the citizen's village, recorded by the engine's `record_objection`
 * step (the township then holds a 民主评议 before the county decides). Anonymous: the case history and the
 * audit name `匿名（居民端）`, nothing of the citizen; named: the masked ID number.
 */
export async function citizenObjection(db: Database, citizen: CitizenScope, caseNo: string, input: ObjectionInput): Promise<{ received: true; noticeEnd: string }> {
  if (!CASE_NO_PATTERN.test(caseNo)) throw AppError.field('caseNo', CASE_NO_MESSAGE);
  const content = input.content.trim();
  if (content.length < OBJECTION_MIN || content.length > OBJECTION_MAX) throw AppError.field('content', `异议内容应为${OBJECTION_MIN}至${OBJECTION_MAX}个字`);
  const found = (await noticeCases(db, citizen)).find(({ c }) => c.case_no === caseNo);
  if (!found) throw AppError.notFound('案件', caseNo);
  const { c } = found;
  if (!running(c, todayInChina())) {
    throw AppError.conflict('notice_ended', `该公示已于${c.notice_end ?? ''}结束，不能再在线提出异议；如有问题，请向乡镇人民政府（街道办事处）或县级民政部门反映`);
  }
  const actor = areaActor(input.anonymous ? ANONYMOUS_ACTOR : maskIdNumber(citizen.idNumber), ['cases.write'], c.area_code.slice(0, 9), 'township');
  await performTransition(db, actor, caseNo, {
    action: 'record_objection', data: { content, source: input.anonymous ? '居民线上匿名' : '居民线上实名' }, attachments: [],
  });
  return { received: true, noticeEnd: c.notice_end ?? '' };
}

export interface CitizenNotice {
  caseNo: string;
  programmeLabel: string;
  kind: string;
  title: string;
  /** The notice's paragraphs, as in the .docx. */
  body: string[];
  amountFen: number | null;
  decidedOn: string;
}

/** 我的通知: the written decisions (approval, refusal, change, exit) on the citizen's own cases, newest first. */
export async function citizenNotices(db: Database, citizen: CitizenScope): Promise<CitizenNotice[]> {
  const out: CitizenNotice[] = [];
  for (const householdNo of citizen.households) {
    const h = await findHousehold(db.kysely, citizen, householdNo);
    if (!h) continue;
    for (const row of await repo.casesOfHousehold(db.kysely, h.county_code, h.id)) {
      const c = await findOwnCase(db.kysely, citizen, row.case_no);
      if (!c) continue;
      for (const d of await decisionRecords(db.kysely, c.key)) {
        if (!NOTICE_DECISIONS.includes(d.kind)) continue;
        const text = await decisionText(db.kysely, c, d);
        out.push({ caseNo: c.case_no, programmeLabel: programmeOf(c.programme).labels['zh-CN'].name, kind: d.kind, title: text.title, body: text.body, amountFen: d.amount_fen, decidedOn: d.decided_on });
      }
    }
  }
  return out.sort((a, b) => (a.decidedOn > b.decidedOn ? -1 : a.decidedOn < b.decidedOn ? 1 : 0));
}

/** The .docx of the latest decision on one of the citizen's own cases; another household's case is a 404 like a missing one. */
export async function citizenDecisionNotice(db: Database, citizen: CitizenScope, caseNo: string): Promise<{ filename: string; body: Buffer }> {
  if (!CASE_NO_PATTERN.test(caseNo)) throw AppError.field('caseNo', CASE_NO_MESSAGE);
  const c = await findOwnCase(db.kysely, citizen, caseNo);
  if (!c) throw AppError.notFound('案件', caseNo);
  return latestDecisionDocx(db, c);
}
