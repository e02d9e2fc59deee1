// Where the cases module gets its parameters: one seam. The database-backed ParameterSet of the
// policy module (the YAML defaults loaded into the database, plus values the prefecture added);
// `useParameterSource` swaps in another (e.g. defaultParameterSet() for a pure test).
import type { Database } from '../../../db/engine.ts';
import type { ParameterSet } from '../../../policy/index.ts';
import { databaseParameterSet } from '../../policy/index.ts';

export type ParameterSource = (db: Database) => Promise<ParameterSet>;

let source: ParameterSource = databaseParameterSet;

export function useParameterSource(next: ParameterSource): void {
  source = next;
}

export function caseParameters(db: Database): Promise<ParameterSet> {
  return source(db);
}

