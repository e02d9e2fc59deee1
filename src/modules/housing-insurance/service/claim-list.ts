// The claims the caller sees (their subtree), newest first, by area, year, event and status.
import type { z } from 'zod';
import type { Database } from '../../../db/engine.ts';
import { inArea, inScope, type Scope } from '../../../kernel/scope.ts';
import type { claimListQuery } from '../contract/claims.ts';
import { allow } from '../permissions.ts';
import { claimPage } from '../repo/claims.ts';
import { claimView } from './claim-view.ts';

export async function listClaims(db: Database, scope: Scope, q: z.output<typeof claimListQuery>) {
  allow(scope, 'insurance.read');
  const rows = await claimPage(db.kysely, inScope(scope, 'c.area_code'), q.area !== undefined ? inArea(q.area, 'c.area_code') : null, q);
  const last = rows.at(-1);
  return { items: rows.map(claimView), next: rows.length === q.limit && last ? last.id : null };
}
