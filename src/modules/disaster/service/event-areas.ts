// Checks of the areas an event names: townships and villages of its county, each once.
import type { Kysely } from 'kysely';
import type { DB } from '../../../db/schema.ts';
import { AppError } from '../../../kernel/errors.ts';
import { areaFieldError, covers, type Scope } from '../../../kernel/scope.ts';

/** Throws a 400 naming `areas.N` for the first area that is not a township or village of `county`. */
export async function checkEventAreas(db: Kysely<DB>, scope: Scope, county: string, codes: readonly string[]): Promise<void> {
  const rows = codes.length === 0 ? [] : await db.selectFrom('areas').select(['code', 'level']).where('code', 'in', [...codes]).execute();
  const level = new Map(rows.map((r) => [r.code, r.level]));
  const seen = new Set<string>();
  codes.forEach((code, i) => {
    const field = `areas.${i}`;
    const l = level.get(code);
    if (l === undefined || !covers(scope, code)) throw areaFieldError(field, code);
    if ((l !== 'township' && l !== 'village') || !code.startsWith(county)) throw AppError.field(field, `区划 ${code} 不是本县（${county}）的乡镇（街道）或村（社区）`);
    if (seen.has(code)) throw AppError.field(field, `区划 ${code} 重复`);
    seen.add(code);
  });
}

/**
 * Whether a report may be made for `area` on an event hitting `eventAreas`: one of them, the township
 * of one of its villages, or a village of one of its townships.
 */
export function reportableArea(area: string, eventAreas: readonly string[]): boolean {
  return eventAreas.some((a) => a === area || (a.length === 12 && area === a.slice(0, 9)) || (a.length === 9 && area.length === 12 && area.startsWith(a)));
}
