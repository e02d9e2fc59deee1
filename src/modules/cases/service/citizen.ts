// What the citizen portal shows of a case: its state's label, for the citizen's own households only.
import type { Database } from '../../../db/engine.ts';
import type { CitizenScope } from '../../../kernel/scope.ts';
import { workflowOf } from '../../../programmes/registry.ts';
import { stateLabel } from '../../../workflow/definition.ts';
import { citizenCaseRows } from '../repo/citizen.ts';

/** Case number → the label of its current state (办理中的环节), for the cases of the citizen's own households. */
export async function citizenCaseStates(db: Database, scope: CitizenScope, caseNos: readonly string[]): Promise<Map<string, string>> {
  const rows = await citizenCaseRows(db.kysely, scope, caseNos);
  return new Map(rows.map((r) => [r.case_no, stateLabel(workflowOf(r.programme, r.rule_set), r.state)]));
}
