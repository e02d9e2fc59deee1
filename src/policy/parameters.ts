// The ParameterSet: every legal number a formula reads, looked up by name, area, date and rule set.
// Values fall back village → township → county → prefecture → province → CN; at one area the latest
// value in force wins (a value is never edited, only superseded by a later dated one). The set is
// built from flat rows, so the YAML files and a database table of the same rows back it alike.
import { areaChain } from './area.ts';
import type { ParameterScalar, RuleSet, Unit } from './parameter-schema.ts';

export type { RuleSet, Unit } from './parameter-schema.ts';

/** One dated value of one parameter, as stored in a table (money in yuan, as the documents state). */
export type ParameterRow = {
  name: string;
  description: string;
  unit: Unit;
  reference: string;
  area: string;
  ruleSet: RuleSet | null;
  effective: string;
  value: ParameterScalar;
  valueReference: string | null;
};

export type ParameterData = number | boolean | string | string[];

/** What a formula receives: money converted to integer fen (unit `yuan_*` becomes `fen_*`). */
export type ParameterValue = {
  name: string;
  value: ParameterData;
  unit: string;
  effective: string;
  area: string;
  ruleSet: RuleSet | null;
  reference: string;
};

export interface ParameterSet {
  /** The value in force on `date` (YYYY-MM-DD) for `areaCode`; throws ParameterLookupError if none. */
  get(name: string, areaCode: string, date: string, ruleSet?: RuleSet): ParameterValue;
}

export class ParameterLookupError extends Error {
  constructor(
    readonly parameter: string,
    message: string,
  ) {
    super(`Parameter "${parameter}": ${message}`);
    this.name = 'ParameterLookupError';
  }
}

/** Convert a stored value to what formulas use: yuan → integer fen. */
export function toFormulaValue(row: ParameterRow): { value: ParameterData; unit: string } | null {
  if (row.value === null) return null;
  if (row.unit.startsWith('yuan')) {
    if (typeof row.value !== 'number') throw new ParameterLookupError(row.name, `money value is not a number`);
    return { value: Math.round(row.value * 100), unit: `fen${row.unit.slice(4)}` };
  }
  return { value: row.value, unit: row.unit };
}

function pick(rows: ParameterRow[], area: string, date: string, ruleSet: RuleSet | undefined): ParameterRow | undefined {
  let best: ParameterRow | undefined;
  for (const row of rows) {
    if (row.area !== area || row.effective > date) continue;
    if (row.ruleSet !== null && row.ruleSet !== ruleSet) continue;
    const later = best === undefined || row.effective > best.effective;
    const moreSpecific = best !== undefined && row.effective === best.effective && row.ruleSet !== null;
    if (later || moreSpecific) best = row;
  }
  return best;
}

/** A ParameterSet over rows (from the YAML tree via flattenParameterFiles, or from the database). */
export function createParameterSet(rows: readonly ParameterRow[]): ParameterSet {
  // By name, then by area: a national set holds a value per county (thousands of rows of one name), and a
  // lookup per county must not walk all of them.
  const byName = new Map<string, { all: ParameterRow[]; byArea: Map<string, ParameterRow[]> }>();
  for (const row of rows) {
    let entry = byName.get(row.name);
    if (!entry) byName.set(row.name, (entry = { all: [], byArea: new Map() }));
    entry.all.push(row);
    const list = entry.byArea.get(row.area);
    if (list) list.push(row);
    else entry.byArea.set(row.area, [row]);
  }
  return {
    get(name, areaCode, date, ruleSet) {
      const entry = byName.get(name);
      if (!entry) throw new ParameterLookupError(name, 'no such parameter');
      const candidates = entry.all;
      // A null value ends an area's own value: the lookup continues with the enclosing area.
      for (const area of areaChain(areaCode)) {
        const row = pick(entry.byArea.get(area) ?? [], area, date, ruleSet);
        const converted = row ? toFormulaValue(row) : null;
        if (row && converted) {
          const { name: n, effective, ruleSet: rs } = row;
          return { name: n, ...converted, effective, area, ruleSet: rs, reference: row.valueReference ?? row.reference };
        }
      }
      const ruleSets = [...new Set(candidates.map((r) => r.ruleSet ?? 'any'))].join(', ');
      throw new ParameterLookupError(
        name,
        `no value in force on ${date} for area ${areaCode} and rule set ${ruleSet ?? '(none given)'} (values exist for rule sets: ${ruleSets})`,
      );
    },
  };
}
