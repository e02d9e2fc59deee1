// Whom an entitlement pays when it is not the recipient: the institution of 集中供养, named as its owning
// module keeps it (name, 统一社会信用代码). That module registers the lookup at import, so this module
// imports none of it (the dependency goes its way, as with step-checks.ts).
import type { Kysely } from 'kysely';
import type { DB } from '../../../db/schema.ts';

export type InstitutionPayee = (tx: Kysely<DB>, countyCode: string, id: number) => Promise<{ name: string; idNumber: string } | undefined>;

let lookup: InstitutionPayee | undefined;

export function registerInstitutionPayee(f: InstitutionPayee): void {
  if (lookup) throw new Error('institution payee lookup registered twice');
  lookup = f;
}

export async function institutionPayee(tx: Kysely<DB>, countyCode: string, id: number) {
  if (!lookup) throw new Error('no institution payee lookup registered (import src/modules/institutions)');
  return lookup(tx, countyCode, id);
}
