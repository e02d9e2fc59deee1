// Public surface of the disaster module: what other modules, the server and the CLI may use.
import './error-codes.ts';
import './tables.ts';
export { disasterRoutes } from './routes.ts';
export { damageEntryOf } from './service/damage-read.ts';
export type { DamageEntryRef } from './service/damage-read.ts';
export { decideSchema } from './contract/batches.ts';
export { decideBatch } from './service/batch-decide.ts';
export { createBatch } from './service/batches.ts';
export { approveBatch, confirmSample, drawSample, startNotice } from './service/batch-steps.ts';
export { createEvent } from './service/events.ts';
export { registerDamage } from './service/damage.ts';
export { verifyDamage } from './service/damage-steps.ts';
export { importWinterNeeds } from './service/winter-import.ts';
export { damageEntriesById, damagedHouse, housingSubsidies, housingSubsidyFor, insuranceEvent, type DamagedHouse, type DamageEntryState, type InsuranceEvent } from './service/insurance-links.ts';
