// Scenarios: data sets that tell a known story at scale (`jiuzhu demo --scenario NAME`), loaded through the
// modules' own use cases. Each has a README of what it reproduces.
import './error-codes.ts';
export { loadQiannan2015, type ScenarioOptions, type ScenarioResult, type ScenarioStage } from './qiannan-2015/load.ts';

export const SCENARIOS = ['qiannan-2015'] as const;
export type ScenarioName = (typeof SCENARIOS)[number];
