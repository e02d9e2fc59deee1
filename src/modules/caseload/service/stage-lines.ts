// A staged case as a CSV line for COPY into caseload_stage (columns of repo STAGE_COLUMNS).
import type { StagedCase } from './check.ts';

const NEEDS_QUOTES = /[",\r\n]/;
const q = (v: string) => (v === '' ? '""' : NEEDS_QUOTES.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
const opt = (v: string | number | null) => (v === null ? '' : typeof v === 'number' ? String(v) : q(v));

export function stageLine(stage: number, c: StagedCase): string {
  return `${stage},${c.row},${c.programme},${c.ruleSet},${c.countyCode},${c.householdId},${c.areaCode},${c.memberId},${q(c.name)},${c.idNumber},`
    + `${c.decidedOn},${c.effectiveMonth},${c.fromMonth},${c.reviewDue ?? ''},${c.amountFen},${c.persons},${opt(c.stability)},${opt(c.mode)},${opt(c.institutionId)},`
    + `${opt(c.lastReviewOn)},${c.members.length > 0 ? q(c.members.join(',')) : ''},${opt(c.formulaFen)},${opt(c.formulaNote)},${c.topup},${c.payee},${q(c.payeeName)},${q(c.payeeIdNumber)},${opt(c.closedOn)},${opt(c.originGiven)},${opt(c.origin)}\n`;
}
