// A clean row of a caseload file as the case it becomes: recipient, dates, payee, context and, once the
// formula has run (check.ts), its amount and explanation.
import type { NamedInstitution } from '../../institutions/index.ts';
import type { ParameterSet, RuleSet } from '../../../policy/index.ts';
import type { HardshipOrigin } from '../../../programmes/hardship/origin.ts';
import { programmeOf } from '../../../programmes/registry.ts';
import type { CaseloadProgramme, Stability, SupportMode } from '../columns.ts';
import type * as repo from '../repo/caseload.ts';
import { reviewDueOf } from './formula.ts';
import type { FileRow } from './read-file.ts';

export interface StagedCase {
  row: number;
  programme: CaseloadProgramme;
  ruleSet: RuleSet;
  countyCode: string;
  householdId: number;
  areaCode: string;
  memberId: number;
  name: string;
  idNumber: string;
  decidedOn: string;
  effectiveMonth: string;
  fromMonth: string;
  reviewDue: string | null;
  amountFen: number;
  persons: number;
  stability: Stability | null;
  mode: SupportMode | null;
  institutionId: number | null;
  lastReviewOn: string | null;
  /** A case the previous system closed: imported as exited, paid until the month of this date. */
  closedOn: string | null;
  /** 特困: the origin the file gives (kept in the context), and the one counted (given, else derived on the approval date). */
  originGiven: HardshipOrigin | null;
  origin: HardshipOrigin | null;
  /** 低保: the covered members' ID numbers (empty: all). */
  members: string[];
  formulaFen: number | null;
  formulaNote: string | null;
  /** 低保: members with a category top-up by the formula (the statistics' `topup`). */
  topup: number;
  payee: 'recipient' | 'institution';
  payeeName: string;
  payeeIdNumber: string;
}

export interface Derived {
  params: ParameterSet;
  ruleSet: RuleSet;
  institution: NamedInstitution | undefined;
  firstMonth: string;
}

/** 集中供养: whether the support goes to the institution (the parameter in force; without a value, to the person). */
function institutionPays(params: ParameterSet, areaCode: string, date: string, ruleSet: RuleSet): boolean {
  try {
    return params.get('hardship.support.institutional_payee', areaCode, date, ruleSet).value === 'institution';
  } catch {
    return false;
  }
}

export function stagedCase(r: FileRow, h: repo.FileHouseholdRow, member: repo.MemberLite, householdSize: number, d: Derived): StagedCase {
  const p = programmeOf(r.programme);
  const approvalMonth = r.approvedOn.slice(0, 7);
  const toInstitution = r.mode === 'institutional' && d.institution !== undefined && institutionPays(d.params, h.village_code, r.approvedOn, d.ruleSet);
  return {
    row: r.row, programme: r.programme, ruleSet: d.ruleSet, countyCode: h.county_code, householdId: Number(h.id), areaCode: h.village_code,
    memberId: Number(member.id), name: member.name, idNumber: member.id_number,
    decidedOn: r.approvedOn, effectiveMonth: approvalMonth, fromMonth: approvalMonth > d.firstMonth ? approvalMonth : d.firstMonth,
    reviewDue: r.closedOn !== null ? null : reviewDueOf(p, d.params, r.stability ?? 'stable', h.hukou, h.village_code, r.lastReviewOn ?? r.approvedOn, d.ruleSet),
    amountFen: r.amountFen,
    persons: r.programme === 'hardship' ? 1 : r.members.length > 0 ? r.members.length : householdSize,
    stability: r.stability, mode: r.mode, institutionId: d.institution?.id ?? null, lastReviewOn: r.lastReviewOn, closedOn: r.closedOn, originGiven: r.origin, members: r.members,
    // The formula's, filled in by `formula()`.
    origin: null, formulaFen: null, formulaNote: null, topup: 0,
    payee: toInstitution ? 'institution' : 'recipient',
    payeeName: toInstitution ? d.institution!.name : member.name,
    payeeIdNumber: toInstitution ? d.institution!.creditCode : member.id_number,
  };
}
