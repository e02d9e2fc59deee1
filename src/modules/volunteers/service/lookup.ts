// What other modules may read of the register: one organisation, as a request field names it (政府购买服务:
// the provider of a contract). Another county's organisation answers exactly like a missing one.
import type { Database } from '../../../db/engine.ts';
import { AppError } from '../../../kernel/errors.ts';
import { seesCounty, type Scope } from '../../../kernel/scope.ts';
import type { OrgKind, OrgStatus } from '../codes.ts';
import { organisationById } from '../repo/registers.ts';

export interface OrganisationRef { id: number; countyCode: string; kind: OrgKind; name: string; status: OrgStatus }

/** The organisation `id` if the caller's scope sees its county, else a 400 naming `field`. */
export async function mustFindOrganisation(db: Database, scope: Scope, id: number, field = 'organisationId'): Promise<OrganisationRef> {
  const o = await organisationById(db.kysely, id);
  if (!o || !seesCounty(scope, o.county_code)) throw AppError.field(field, `社会组织 ${id} 不存在`);
  return { id: o.id, countyCode: o.county_code, kind: o.kind, name: o.name, status: o.status };
}
