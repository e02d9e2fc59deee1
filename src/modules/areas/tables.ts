import type { Generated, Insertable, Selectable } from 'kysely';

/**
 * Typed schema of the tables. Each module declares its own tables here, next to the
 * migration that creates them; repositories are the only code that query them.
 */
export interface AreaTable {
  code: string;
  name: string;
  level: 'prefecture' | 'county' | 'township' | 'village';
  parent_code: string | null;
  kind: 'standard' | 'functional_zone';
  stat_code: string | null;
  /** 城镇 (true) / 农村 (false) of a village; null above village level. */
  urban: boolean | null;
  /** Where `urban` comes from: the loader's rule on the name, or a person (kept on reload). */
  urban_source: Generated<'derived' | 'manual'>;
  prefecture_code: string;
  county_code: string | null;
}

export interface AreaTables {
  areas: AreaTable;
}

export type AreaRow = Selectable<AreaTable>;
export type NewArea = Insertable<AreaTable>;

declare module '../../db/schema.ts' {
  interface DB extends AreaTables {}
}
