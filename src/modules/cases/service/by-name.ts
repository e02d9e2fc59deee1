// A complaint names a recipient, not a case number (the citizen portal's 举报): the current cases — pending
// or in payment — of the village whose applicant or a member of the household bears that name.
import type { Database } from '../../../db/engine.ts';
import type { Scope } from '../../../kernel/scope.ts';
import { casesNamed } from '../repo/by-name.ts';

export function currentCasesNamed(db: Database, scope: Scope, villageCode: string, name: string): Promise<string[]> {
  return casesNamed(db.kysely, scope, villageCode, name, ['pending', 'payable', 'suspended']);
}
