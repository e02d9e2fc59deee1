// 医疗救助 claims at the window: record a claim (a case of the `medical` programme, opened through the
// cases module — optionally answering the one-window referral to 医保 in the same transaction), list the
// claims of an area, and a person's year: every episode, settled at the hospital or claimed, with what
// was paid toward the caps.
import { sql, type Kysely } from 'kysely';
import type { z } from 'zod';
import type { Database } from '../../../db/engine.ts';
import type { DB } from '../../../db/schema.ts';
import { write } from '../../../db/write.ts';
import { AppError } from '../../../kernel/errors.ts';
import { maskIdNumber } from '../../../kernel/mask.ts';
import { allowAction } from '../../../kernel/permissions.ts';
import { inArea, inScope, requireAreaField, type Scope } from '../../../kernel/scope.ts';
import { workflowOf } from '../../../programmes/registry.ts';
import type { RuleSet } from '../../../policy/index.ts';
import { stateLabel } from '../../../workflow/definition.ts';
import { namesOf } from '../../areas/index.ts';
import { createCase } from '../../cases/index.ts';
import { linkReferralToCase, requireAnswerableReferral, withinTransaction } from '../../intake/index.ts';
import type { claimListQuery, newClaimSchema, personYearQuery } from '../contract/claims.ts';
import { GROUP_LABELS, type MedicalGroup } from '../repo/groups.ts';
import { allow } from '../permissions.ts';
import type { EpisodeKind, EpisodeSource, EpisodeStatus } from '../tables.ts';

export const KIND_LABELS: Record<EpisodeKind, string> = { outpatient: '门诊', inpatient: '住院' };
export const SOURCE_LABELS: Record<EpisodeSource, string> = { settlement: '一站式结算', claim: '窗口申请' };
export const EPISODE_STATUS_LABELS: Record<EpisodeStatus, string> = { pending: '办理中', paid: '已救助', void: '未救助（不予救助或撤回）' };
const groupLabel = (g: string) => GROUP_LABELS[g as MedicalGroup] ?? '未认定';

export async function createClaim(db: Database, scope: Scope, input: z.output<typeof newClaimSchema>) {
  const referral = input.referralId === undefined ? null
    : await requireAnswerableReferral(db.kysely, scope, input.referralId, { need: 'medical', department: 'medical_security', idNumber: input.applicantIdNumber });
  return write(db, scope, async (tx) => {
    const created = await createCase(withinTransaction(db, tx), scope, {
      programme: 'medical', householdNo: input.householdNo, applicantIdNumber: input.applicantIdNumber, details: input.details,
      staffRelative: false, cadreRelative: false, note: input.note, ...(input.appliedOn ? { appliedOn: input.appliedOn } : {}),
    });
    if (referral) {
      const c = await tx.selectFrom('cases').select(['id']).where('case_no', '=', created.caseNo).executeTakeFirstOrThrow();
      await linkReferralToCase(tx, scope, referral, { id: c.id, caseNo: created.caseNo });
    }
    return { caseNo: created.caseNo, state: created.state, dueDate: created.dueDate, referralId: referral?.id ?? null };
  });
}

interface EpisodeRow {
  id: number;
  source: EpisodeSource;
  case_no: string | null;
  case_state: string | null;
  rule_set: RuleSet | null;
  settlement_no: string | null;
  hospital: string;
  kind: EpisodeKind;
  critical: boolean;
  group: string;
  admitted_on: string;
  discharged_on: string;
  total_cost_fen: string;
  eligible_self_pay_fen: string;
  assistance_fen: string;
  tilt_fen: string;
  status: EpisodeStatus;
  name: string;
  id_number: string;
  area_code: string;
}

function episodesSelect(where: ReturnType<typeof sql>) {
  return sql<EpisodeRow>`
    select e.id, e.source, c.case_no, c.state as case_state, c.rule_set, e.settlement_no, e.hospital, e.kind, e.critical, e."group",
      to_char(e.admitted_on, 'YYYY-MM-DD') as admitted_on, to_char(e.discharged_on, 'YYYY-MM-DD') as discharged_on,
      e.total_cost_fen, e.eligible_self_pay_fen, e.assistance_fen, e.tilt_fen, e.status, e.name, e.id_number, e.area_code
    from medical_episodes e left join cases c on c.county_code = e.county_code and c.id = e.case_id
    where ${where}`;
}

const episodeView = (r: EpisodeRow) => ({
  source: r.source, sourceLabel: SOURCE_LABELS[r.source], caseNo: r.case_no, caseState: r.case_state,
  caseStateLabel: r.case_state && r.rule_set ? stateLabel(workflowOf('medical', r.rule_set), r.case_state) : null,
  settlementNo: r.settlement_no, hospital: r.hospital, kind: r.kind, kindLabel: KIND_LABELS[r.kind], critical: r.critical,
  group: r.group, groupLabel: groupLabel(r.group), admittedOn: r.admitted_on, dischargedOn: r.discharged_on,
  totalCostFen: Number(r.total_cost_fen), eligibleSelfPayFen: Number(r.eligible_self_pay_fen), assistanceFen: Number(r.assistance_fen), tiltFen: Number(r.tilt_fen),
  status: r.status, statusLabel: EPISODE_STATUS_LABELS[r.status],
});

async function requireArea(db: Kysely<DB>, scope: Scope, code: string | undefined): Promise<string | undefined> {
  if (code !== undefined) requireAreaField(scope, 'area', code, (await namesOf(db, [code])).has(code));
  return code;
}

export async function listClaims(db: Database, scope: Scope, q: z.output<typeof claimListQuery>) {
  allow(scope, 'medical.read');
  allowAction(scope, 'cases.read');
  const area = await requireArea(db.kysely, scope, q.area);
  const conditions = [sql`e.source = 'claim'`, sql`${inScope(scope, 'e.area_code')}`, ...(area ? [sql`${inArea(area, 'e.area_code')}`] : [])];
  if (q.year !== undefined) conditions.push(sql`e.year = ${q.year}`);
  if (q.status) conditions.push(sql`e.status = ${q.status}`);
  if (q.after !== undefined) conditions.push(sql`e.id < ${q.after}`);
  const { rows } = await sql<EpisodeRow>`${episodesSelect(sql.join(conditions, sql` and `))} order by e.id desc limit ${q.limit}`.execute(db.kysely);
  const names = await namesOf(db.kysely, [...new Set(rows.map((r) => r.area_code))]);
  const last = rows.at(-1);
  return {
    items: rows.map((r) => ({ ...episodeView(r), id: r.id, name: r.name, idNumber: maskIdNumber(r.id_number), areaCode: r.area_code, areaName: names.get(r.area_code) ?? r.area_code })),
    next: rows.length === q.limit && last ? last.id : null,
  };
}

/** A person's year in scope: every episode (settled or claimed) and what was paid. */
export async function personYear(db: Database, scope: Scope, q: z.output<typeof personYearQuery>) {
  allow(scope, 'medical.read');
  allowAction(scope, 'cases.read');
  const { rows } = await sql<EpisodeRow>`${episodesSelect(sql`e.id_number = ${q.idNumber} and e.year = ${q.year} and ${inScope(scope, 'e.area_code')}`)} order by e.admitted_on, e.id`.execute(db.kysely);
  const paid = rows.filter((r) => r.status === 'paid');
  const sum = (f: (r: EpisodeRow) => boolean, col: 'assistance_fen' | 'tilt_fen' = 'assistance_fen') => paid.filter(f).reduce((s, r) => s + Number(r[col]), 0);
  const totals = {
    outpatientFen: sum((r) => !r.critical && r.kind === 'outpatient'), inpatientFen: sum((r) => !r.critical && r.kind === 'inpatient'), criticalFen: sum((r) => r.critical),
    tiltFen: sum(() => true, 'tilt_fen'), totalFen: 0, times: paid.length,
  };
  totals.totalFen = totals.outpatientFen + totals.inpatientFen + totals.criticalFen + totals.tiltFen;
  if (rows.length === 0 && scope.kind === 'citizen') throw AppError.notFound('人员', maskIdNumber(q.idNumber));
  return { idNumber: maskIdNumber(q.idNumber), name: rows[0]?.name ?? null, year: q.year, episodes: rows.map(episodeView), totals };
}
