/** Public API of the demo data generator (used by `jiuzhu demo` and benchmarks). */
export { generateDemoHouseholds } from './generate.ts';
export { IdAllocator } from './id-allocator.ts';
export { demoPartRecords, demoParts, type DemoPart } from './parts.ts';
export { demoVillagesFromDivision, type DivisionRow } from './division-villages.ts';
export {
  defaultIdAreaPrefix, isUrbanVillageName, qiannan2015StandardFenPerMonth, type DemoOptions, type DemoVillage,
} from './options.ts';
