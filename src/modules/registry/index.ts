// Public surface of the registry module: what other modules, the server and the CLI may use.
import './error-codes.ts';
export { listAssets, listIncomes, listMembers } from './repo/households.ts';
export { findHousehold } from './repo/roots.ts';
export type { HouseholdKey } from './repo/roots.ts';
export { registryRoutes } from './routes.ts';
export { ensureDemoHouseholds, loadDemoHouseholds } from './service/demo.ts';
export { importHouseholds, importReport } from './service/import.ts';
export type { ImportPhase } from './service/import.ts';
export { mustFindHousehold } from './service/read.ts';
export { setMemberLeftBehind, type LeftBehindKind } from './service/left-behind.ts';
export { registryTransferRoutes } from './transfer-routes.ts';
export { BASIC_PENSION_SOURCE, householdFactsFromRegistry, INCOME_KIND_MAP, VEHICLE_NOTE_PATTERNS } from './facts.ts';
export type { RegistryHousehold } from './facts.ts';
export { registryHouseholdById } from './repo/record.ts';
export { registryHousehold } from './service/record.ts';
export type { Member } from './domain/types.ts';
export { createHousehold, newHouseholdSchema } from './service/write.ts';
export type { NewHousehold } from './service/write.ts';
