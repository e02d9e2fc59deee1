// A complaint names a recipient, not a case number (the citizen portal's 举报): the current cases — pending
// or in payment — of the village whose applicant or a member of the household bears that name.
import type { Database } from '../../../db/engine.ts';
import type { Scope } from '../../../kernel/scope.ts';
import { maskIdNumber } from '../../../kernel/mask.ts';
import { casesForSubject, casesNamed } from '../repo/by-name.ts';
import { definitionOf } from './engine.ts';

const CURRENT = ['pending', 'payable', 'suspended'] as const;

export function currentCasesNamed(db: Database, scope: Scope, villageCode: string, name: string): Promise<string[]> {
  return casesNamed(db.kysely, scope, villageCode, name, CURRENT);
}

/** An ID number as typed (18 characters, the last may be x): searched whole, never as a name or address. */
const ID_NUMBER = /^\d{17}[\dXx]$/;

/**
 * The staff complaint form's subject search: the current cases in the caller's scope of the person or household
 * typed — a member's ID number, a name (its start) or part of the address; ID numbers shown masked. Out of scope
 * finds nothing.
 */
export async function findSubjectCases(db: Database, scope: Scope, text: string) {
  const q = text.trim();
  const rows = await casesForSubject(db.kysely, scope, ID_NUMBER.test(q) ? { idNumber: q.toUpperCase() } : { text: q }, CURRENT, 20);
  return rows.map((r) => {
    const { programme, def } = definitionOf(r);
    return {
      caseNo: r.case_no, programme: r.programme, state: r.state, programmeLabel: programme.labels['zh-CN'].name, stateLabel: def.states[r.state]?.label ?? r.state,
      applicantName: r.applicant_name, applicantIdNumber: maskIdNumber(r.applicant_id_number), householdNo: r.household_no, villageName: r.village_name, address: r.address,
    };
  });
}
