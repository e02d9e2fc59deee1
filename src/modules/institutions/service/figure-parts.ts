// Parts other services of the module add to the institution figures (bed-use rate and 集中供养率 from
// the placements, …): each computes its values per county and for the whole area itself (a rate is not
// a sum of rates), and the figures service merges them into `extra` under their keys.
import type { Kysely } from 'kysely';
import type { DB } from '../../../db/schema.ts';

export type FigureValues = Record<string, number | null>;

export interface FigurePart {
  /** The keys it writes into `extra` (unique across parts). */
  keys: readonly string[];
  compute(db: Kysely<DB>, counties: readonly string[], year: number): Promise<{ byCounty: ReadonlyMap<string, FigureValues>; total: FigureValues }>;
}

const PARTS: FigurePart[] = [];

export function registerFigurePart(part: FigurePart): void {
  const taken = new Set(PARTS.flatMap((p) => p.keys));
  const clash = part.keys.find((k) => taken.has(k));
  if (clash) throw new Error(`institution figure ${clash} registered twice`);
  PARTS.push(part);
}

export function figureParts(): readonly FigurePart[] {
  return PARTS;
}
